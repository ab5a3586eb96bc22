package dev.whiteboard.boards.entity;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

/** Stores {@link Points} as their JSON array text, the same on every database and JPA provider. */
@Converter
public class PointsConverter implements AttributeConverter<Points, String> {

    @Override
    public String convertToDatabaseColumn(Points points) {
        return points == null ? null : points.toJson();
    }

    @Override
    public Points convertToEntityAttribute(String column) {
        return column == null ? null : Points.parse(column);
    }
}
