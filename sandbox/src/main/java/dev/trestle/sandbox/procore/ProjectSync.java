package dev.trestle.sandbox.procore;

import static dev.trestle.sandbox.procore.SyncAction.flag;
import static dev.trestle.sandbox.procore.SyncAction.text;

import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Project fields of {@code PATCH /rest/v1.0/projects/sync}: {@code name} is required, a
 * {@code project_number} must be unique within the company (compared ignoring case and
 * surrounding spaces), {@code stage} must be one of the company's stages and {@code start_date}
 * is {@code YYYY-MM-DD}.
 */
final class ProjectSync implements SyncAction.Resource<ProcoreProject> {

    private final long companyId;
    private final String companyName;

    ProjectSync(long companyId, String companyName) {
        this.companyId = companyId;
        this.companyName = companyName;
    }

    @Override
    public Map<String, List<String>> checkTypes(JsonObject update) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        SyncAction.requireText(update, problems, "name", "project_number", "stage", "start_date", "origin_data",
                "origin_code");
        SyncAction.requireBoolean(update, problems, "active");
        Object stage = update.getValue("stage");
        if (stage instanceof String s && !ProjectStages.ALL.contains(s)) {
            problems.put("stage", List.of("is not included in the list " + ProjectStages.ALL));
        }
        Object start = update.getValue("start_date");
        if (start instanceof String s) {
            try {
                LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                problems.put("start_date", List.of("is not a date (YYYY-MM-DD)"));
            }
        }
        return problems;
    }

    @Override
    public ProcoreProject create(long id, JsonObject u, Instant now) {
        return new ProcoreProject(id, text(u, "name", null), text(u, "project_number", null), flag(u, "active", true),
                text(u, "stage", null), date(text(u, "start_date", null)), text(u, "origin_id", null),
                text(u, "origin_data", null), text(u, "origin_code", null), now, now);
    }

    @Override
    public ProcoreProject update(ProcoreProject p, JsonObject u, Instant now) {
        String start = text(u, "start_date", p.startDate() == null ? null : p.startDate().toString());
        return new ProcoreProject(p.id(), text(u, "name", p.name()), text(u, "project_number", p.projectNumber()),
                flag(u, "active", p.active()), text(u, "stage", p.stage()), date(start),
                text(u, "origin_id", p.originId()), text(u, "origin_data", p.originData()),
                text(u, "origin_code", p.originCode()), p.createdAt(), now);
    }

    @Override
    public Map<String, List<String>> validate(ProcoreProject candidate, OriginIndexedStore<ProcoreProject> store) {
        Map<String, List<String>> problems = new LinkedHashMap<>();
        if (candidate.name() == null || candidate.name().isBlank()) {
            problems.put("name", List.of("can't be blank"));
        }
        String number = normalized(candidate.projectNumber());
        if (!number.isEmpty() && !store.matching(p -> p.id() != candidate.id()
                && normalized(p.projectNumber()).equals(number)).isEmpty()) {
            problems.put("project_number", List.of("has already been taken"));
        }
        return problems;
    }

    @Override
    public JsonObject json(ProcoreProject record) {
        return ProcoreJson.project(record, companyId, companyName);
    }

    private static String normalized(String projectNumber) {
        return projectNumber == null ? "" : projectNumber.trim().toLowerCase(Locale.ROOT);
    }

    private static LocalDate date(String value) {
        return value == null || value.isBlank() ? null : LocalDate.parse(value);
    }
}
