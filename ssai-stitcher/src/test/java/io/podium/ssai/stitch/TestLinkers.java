package io.podium.ssai.stitch;

import io.podium.ssai.hls.MasterEntry;
import io.podium.ssai.hls.MasterPlaylist;
import io.podium.ssai.hls.Rendition;
import io.podium.ssai.hls.Variant;
import java.net.URI;

/** Linkers and targets for tests. */
final class TestLinkers {
    /**
     * Routes ad segments through {@code https://podium.test/ad/b<break>/a<ad>/<index>of<count>/<path>},
     * the path being the segment's under {@link StitchFixtures#ADS}, as the SSAI service would (to
     * fire beacons); content segments absolute.
     */
    static final SegmentLinker ROUTING = new SegmentLinker() {
        @Override
        public String contentSegment(URI absolute) {
            return absolute.toString();
        }

        @Override
        public String adSegment(int breakIndex, int adIndex, String adId, int segmentIndex, int segmentCount,
                URI absolute) {
            return "https://podium.test/ad/b" + breakIndex + "/a" + (adIndex == SLATE ? "slate" : adIndex) + "/"
                    + segmentIndex + "of" + segmentCount + "/" + StitchFixtures.ADS.relativize(absolute);
        }
    };

    private TestLinkers() {
    }

    /** The target of the fixture file {@code fixture} ("folder/file") in the master {@code folder/master}. */
    static Target targetOf(String folder, String master, String fixture) {
        MasterPlaylist m = StitchFixtures.contentMaster(folder + "/" + master);
        for (MasterEntry e : m.entries()) {
            if (e instanceof Variant) {
                Variant v = (Variant) e;
                if (fixture.equals(StitchFixtures.fixtureOf(folder, v.uri(), v.stream().bandwidth()))) {
                    return Target.of(v);
                }
            } else if (e instanceof Rendition && ((Rendition) e).uri() != null) {
                Rendition r = (Rendition) e;
                if (fixture.equals(StitchFixtures.fixtureOf(folder, r.uri(), null))) {
                    return Target.of(r);
                }
            }
        }
        throw new IllegalArgumentException(fixture + " is not in " + folder + "/" + master);
    }
}
