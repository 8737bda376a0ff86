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
    private static final TypeReference<List<ConflictCandidate>> TYPE = new TypeReference<>() {
    };

    @Override
    public String convertToDatabaseColumn(List<ConflictCandidate> candidates) {
        try {
            return JSON.writeValueAsString(candidates == null ? List.of() : candidates);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("conflict candidates cannot be written as JSON", e);
        }
    }

    @Override
    public List<ConflictCandidate> convertToEntityAttribute(String json) {
        try {
            return json == null ? List.of() : List.copyOf(JSON.readValue(json, TYPE));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored conflict candidates are not valid JSON", e);
        }
    }
}
