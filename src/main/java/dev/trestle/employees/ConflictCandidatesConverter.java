package dev.trestle.employees;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.util.List;

/**
 * Stores a conflict's candidates as JSON text. (Hibernate Reactive's JSON type on PostgreSQL
 * decodes a column as a JSON object, so a top-level array cannot be mapped directly.)
 */
@Converter
public class ConflictCandidatesConverter implements AttributeConverter<List<ConflictCandidate>, String> {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMPTY = "[]";
    private static final TypeReference<List<ConflictCandidate>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ConflictCandidate> candidates) {
        if (candidates == null || candidates.isEmpty()) {
            return EMPTY;  // all but the conflicts: no need to run them through Jackson
        }
        try {
            return JSON.writeValueAsString(candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conflict candidates cannot be written as JSON", e);
        }
    }

    @Override
    public List<ConflictCandidate> convertToEntityAttribute(String json) {
        if (json == null || json.equals(EMPTY)) {
            return List.of();  // what almost every stored row holds; a sync reads them all
        }
        try {
            return List.copyOf(JSON.readValue(json, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conflict candidates are not valid JSON", e);
        }
    }
}
