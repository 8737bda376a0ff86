package dev.trestle.connectors;

/** The systems the hub talks to. */
public enum UpstreamSystem {
    NETSUITE, PRECORO, PROCORE
}
