package io.podium.vast.model;

import java.util.List;

/**
 * One verification vendor's scripts (Open Measurement), its tracking and its parameters.
 *
 * @param verificationParameters the text of {@code VerificationParameters}, or null
 */
public record Verification(String vendor, List<Resource> executableResources, List<Resource> javaScriptResources,
                           List<Tracking> trackingEvents, String verificationParameters) {
    public Verification {
        executableResources = List.copyOf(executableResources);
        javaScriptResources = List.copyOf(javaScriptResources);
        trackingEvents = List.copyOf(trackingEvents);
    }

    /**
     * A script: {@code type} is set for an ExecutableResource, {@code browserOptional} for a
     * JavaScriptResource.
     */
    public record Resource(String apiFramework, String type, String browserOptional, String url) {
    }
}
