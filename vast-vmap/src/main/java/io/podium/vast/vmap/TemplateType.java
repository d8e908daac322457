package io.podium.vast.vmap;

/** The format of an ad response named by {@code templateType}. */
public enum TemplateType {
    VAST1("vast1"),
    VAST2("vast2"),
    VAST3("vast3"),
    PROPRIETARY("proprietary");

    private final String value;

    TemplateType(String value) {
        this.value = value;
    }

    /** The name in VMAP. */
    public String value() {
        return value;
    }

    /** The type of a name in VMAP (case-insensitive), or null if it names none. */
    public static TemplateType of(String value) {
        for (TemplateType t : values()) {
            if (t.value.equalsIgnoreCase(value.strip())) {
                return t;
            }
        }
        return null;
    }
}
