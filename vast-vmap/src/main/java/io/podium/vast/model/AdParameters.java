package io.podium.vast.model;

/** Data for an interactive creative; {@code xmlEncoded} says whether the text is XML-encoded. */
public record AdParameters(String xmlEncoded, String value) {
}
