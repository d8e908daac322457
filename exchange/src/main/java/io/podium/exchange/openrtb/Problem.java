package io.podium.exchange.openrtb;

/** One thing wrong with a document: where (a JSON path) and what. */
public record Problem(String path, String message) {
    @Override
    public String toString() {
        return path + ": " + message;
    }
}
