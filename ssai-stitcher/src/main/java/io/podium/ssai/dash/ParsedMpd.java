package io.podium.ssai.dash;

/** An MPD with the lines its elements were read from. */
record ParsedMpd(Mpd mpd, MpdLines lines) {
}
