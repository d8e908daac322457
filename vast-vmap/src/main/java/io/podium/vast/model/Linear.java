package io.podium.vast.model;

import java.util.List;

/**
 * A linear (video or audio) creative. In a wrapper only {@code skipoffset}, the icons, the
 * tracking and the click tracking are used.
 *
 * @param duration HH:MM:SS or HH:MM:SS.mmm as written
 * @param icons the {@code Icon} elements, kept as they are
 */
public record Linear(String skipoffset, List<RawXml> icons, List<Tracking> trackingEvents,
                     AdParameters adParameters, String duration, List<ClosedCaptionFile> closedCaptionFiles,
                     List<MediaFile> mediaFiles, List<Mezzanine> mezzanines,
                     List<InteractiveCreativeFile> interactiveCreativeFiles, VideoClicks videoClicks) {
    public Linear {
        icons = List.copyOf(icons);
        trackingEvents = List.copyOf(trackingEvents);
        closedCaptionFiles = List.copyOf(closedCaptionFiles);
        mediaFiles = List.copyOf(mediaFiles);
        mezzanines = List.copyOf(mezzanines);
        interactiveCreativeFiles = List.copyOf(interactiveCreativeFiles);
    }

    /** The duration in milliseconds, or -1 when absent or malformed. */
    public long durationMillis() {
        return VastTime.parseMillis(duration);
    }
}
