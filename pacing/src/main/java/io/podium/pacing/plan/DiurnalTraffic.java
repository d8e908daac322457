package io.podium.pacing.plan;

/**
 * A day's traffic profile: a quiet night, a morning rise and an evening peak (about 5:1 peak
 * to trough), as share of the day's auctions per second of the day.
 */
public final class DiurnalTraffic {
    private final double[] perSecond = new double[86_400];

    public DiurnalTraffic(long auctionsPerDay) {
        double total = 0;
        double[] w = new double[86_400];
        for (int s = 0; s < w.length; s++) {
            double h = s / 3600.0;
            w[s] = 0.25 + 0.45 * bump(h, 9.5, 2.5) + 1.0 * bump(h, 20.5, 3.0);
            total += w[s];
        }
        for (int s = 0; s < w.length; s++) {
            perSecond[s] = auctionsPerDay * w[s] / total;
        }
    }

    private static double bump(double hour, double centre, double width) {
        double d = hour - centre;
        return Math.exp(-d * d / (2 * width * width));
    }

    /** Expected auctions in second {@code s} of the day. */
    public double expected(int second) {
        return perSecond[second];
    }

    /** The hour's share of the day's traffic (for reports). */
    public double hourShare(int hour) {
        double h = 0;
        double all = 0;
        for (int s = 0; s < perSecond.length; s++) {
            all += perSecond[s];
            if (s / 3600 == hour) {
                h += perSecond[s];
            }
        }
        return h / all;
    }
}
