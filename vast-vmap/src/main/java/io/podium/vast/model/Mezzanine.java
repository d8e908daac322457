package io.podium.vast.model;

/** The raw high-quality master of a creative, for transcoding (VAST 4.x). */
public record Mezzanine(String id, String delivery, String type, String width, String height, String codec,
                        String fileSize, String mediaType, String url) {
}
