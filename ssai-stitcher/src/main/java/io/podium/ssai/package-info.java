/** HLS and DASH parsing and writing, the stitcher, signed stateless session URLs, beacons. */
package io.podium.ssai;
