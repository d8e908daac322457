package io.podium.simulator.dsp;

/**
 * Bytes served as media segments by the simulator's servers (mock DSPs' ads, the day's content
 * origin): one MPEG-TS null packet (sync byte, PID 0x1FFF, payload only). Stitching and beacons
 * work on playlists, so the segments need not decode.
 */
public final class MediaBytes {
    private MediaBytes() {
    }

    /** A fresh copy of the 188-byte TS null packet. */
    public static byte[] tsNullPacket() {
        byte[] p = new byte[188];
        p[0] = 0x47;
        p[1] = 0x1F;
        p[2] = (byte) 0xFF;
        p[3] = 0x10;
        java.util.Arrays.fill(p, 4, p.length, (byte) 0xFF);
        return p;
    }
}
