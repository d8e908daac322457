package io.podium.exchange.openrtb;

/**
 * The position of a JSON parser inside a document, kept as a stack of names and array
 * indexes so that an error can name the exact place ({@code $.imp[0].banner.w}).
 * Not thread-safe: one instance per decode call. Pushing and popping allocate nothing;
 * the string is only built when a problem is reported.
 */
final class JsonPath {
    private static final int MAX_DEPTH = 128;
    private final String[] names = new String[MAX_DEPTH];
    private final int[] indexes = new int[MAX_DEPTH];
    private int depth;

    void pushName(String name) {
        names[depth] = name;
        indexes[depth] = -1;
        depth++;
    }

    void pushIndex(int index) {
        names[depth] = null;
        indexes[depth] = index;
        depth++;
    }

    void setIndex(int index) {
        indexes[depth - 1] = index;
    }

    void pop() {
        depth--;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("$");
        for (int i = 0; i < depth; i++) {
            if (names[i] != null) {
                sb.append('.').append(names[i]);
            } else {
                sb.append('[').append(indexes[i]).append(']');
            }
        }
        return sb.toString();
    }
}
