package io.podium.simulator.dsp;

/** What a mock DSP does to one bid request instead of answering normally. */
public enum Fault {
    /** Answers normally, but only after {@link DspProfile.Faults#timeoutDelayMs()}. */
    TIMEOUT,
    /** Never answers; the connection stays open until the DSP is closed. */
    HANG,
    /** HTTP 500 or 503 with a short text body. */
    SERVER_ERROR,
    /** HTTP 200 with a JSON body cut short, so it does not parse. */
    MALFORMED,
    /** The normal body, sent one byte at a time with pauses. */
    TRICKLE,
    /** HTTP 204 whatever the request. */
    NO_BID;

    /** Draws a fault from the mix with one uniform {@code u} in [0, 1); null means a normal answer. */
    static Fault draw(DspProfile.Faults f, double u) {
        double acc = f.timeout();
        if (u < acc) {
            return TIMEOUT;
        }
        acc += f.hang();
        if (u < acc) {
            return HANG;
        }
        acc += f.serverError();
        if (u < acc) {
            return SERVER_ERROR;
        }
        acc += f.malformed();
        if (u < acc) {
            return MALFORMED;
        }
        acc += f.trickle();
        if (u < acc) {
            return TRICKLE;
        }
        acc += f.noBid();
        if (u < acc) {
            return NO_BID;
        }
        return null;
    }
}
