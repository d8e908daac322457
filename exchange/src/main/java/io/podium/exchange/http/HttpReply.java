package io.podium.exchange.http;

/** A complete HTTP response: status, body (never null) and the headers Podium reads. */
public record HttpReply(int status, byte[] body, String contentType, String contentEncoding) {
}
