package io.podium.exchange.video;

import io.podium.openrtb.App;
import io.podium.openrtb.BidRequest;
import io.podium.openrtb.Content;
import io.podium.openrtb.Device;
import io.podium.openrtb.DeviceType;
import io.podium.openrtb.Imp;
import io.podium.openrtb.LinearityMode;
import io.podium.openrtb.PlacementSubtype;
import io.podium.openrtb.Protocol;
import io.podium.openrtb.Regs;
import io.podium.openrtb.Site;
import io.podium.openrtb.Source;
import io.podium.openrtb.User;
import io.podium.openrtb.Video;
import java.util.List;
import java.util.UUID;

/**
 * The OpenRTB 2.6 bid request for one pod request: a single dynamic pod imp (OpenRTB 2.6
 * §7.6: {@code podid}, {@code poddur} = the break, {@code maxseq} = the most ads), instream,
 * linear, VAST 2.0 to 4.3 inline and wrapper, plus what the player told of the content, the
 * publisher, the device, the user and consent. Bidders may answer several bids for it.
 */
public final class PodBidRequestFactory {
    static final String POD_ID = "1";
    static final String IMP_ID = "1";
    private static final List<Protocol> PROTOCOLS = List.of(Protocol.PROTOCOL_VAST_2_0, Protocol.PROTOCOL_VAST_3_0,
            Protocol.PROTOCOL_VAST_2_0_WRAPPER, Protocol.PROTOCOL_VAST_3_0_WRAPPER, Protocol.PROTOCOL_VAST_4_0,
            Protocol.PROTOCOL_VAST_4_0_WRAPPER, Protocol.PROTOCOL_VAST_4_1, Protocol.PROTOCOL_VAST_4_1_WRAPPER,
            Protocol.PROTOCOL_VAST_4_2, Protocol.PROTOCOL_VAST_4_2_WRAPPER, Protocol.PROTOCOL_VAST_4_3,
            Protocol.PROTOCOL_VAST_4_3_WRAPPER);

    private final List<String> mimes;
    private final int tmaxMs;

    public PodBidRequestFactory(List<String> mimes, int tmaxMs) {
        this.mimes = List.copyOf(mimes);
        this.tmaxMs = tmaxMs;
    }

    public BidRequest build(PodAdRequest r) {
        Video.Builder video = Video.newBuilder().addAllMimes(mimes).setMinduration(r.minAdSeconds())
                .setMaxduration(r.maxAdSeconds()).setPoddur(r.durationSeconds()).setMaxseq(r.maxAds())
                .setPodid(POD_ID).addAllProtocols(PROTOCOLS).setPlcmt(PlacementSubtype.PLACEMENT_SUBTYPE_INSTREAM)
                .setLinearity(LinearityMode.LINEARITY_MODE_LINEAR)
                .setStartdelay(switch (r.position()) {
                    case "pre" -> 0;
                    case "post" -> -2;
                    default -> -1;
                });
        if (r.device().w() > 0 && r.device().h() > 0) {
            video.setW(r.device().w()).setH(r.device().h());
        }
        String id = UUID.randomUUID().toString();
        BidRequest.Builder b = BidRequest.newBuilder().setId(id).setTmax(tmaxMs)
                .addImp(Imp.newBuilder().setId(IMP_ID).setVideo(video).setSecure(1))
                .setSource(Source.newBuilder().setTid(id));
        Content content = content(r.content());
        PodAdRequest.Publisher p = r.publisher();
        if (p.isApp()) {
            App.Builder app = App.newBuilder().setBundle(p.appBundle());
            if (p.appName() != null) {
                app.setName(p.appName());
            }
            if (p.appStoreUrl() != null) {
                app.setStoreurl(p.appStoreUrl());
            }
            if (content != null) {
                app.setContent(content);
            }
            b.setApp(app);
        } else {
            Site.Builder site = Site.newBuilder();
            if (p.sitePage() != null) {
                site.setPage(p.sitePage());
            }
            if (p.siteDomain() != null) {
                site.setDomain(p.siteDomain());
            }
            if (content != null) {
                site.setContent(content);
            }
            b.setSite(site);
        }
        b.setDevice(device(r.device()));
        if (r.userId() != null || r.privacy().gdprConsent() != null) {
            User.Builder user = User.newBuilder();
            if (r.userId() != null) {
                user.setId(r.userId());
            }
            if (r.privacy().gdprConsent() != null) {
                user.setConsent(r.privacy().gdprConsent());
            }
            b.setUser(user);
        }
        PodAdRequest.Privacy privacy = r.privacy();
        if (privacy.gdpr() != null || privacy.usPrivacy() != null || privacy.coppa() != null) {
            Regs.Builder regs = Regs.newBuilder();
            if (privacy.gdpr() != null) {
                regs.setGdpr(privacy.gdpr());
            }
            if (privacy.usPrivacy() != null) {
                regs.setUsPrivacy(privacy.usPrivacy());
            }
            if (privacy.coppa() != null) {
                regs.setCoppa(privacy.coppa());
            }
            b.setRegs(regs);
        }
        if (r.test()) {
            b.setTest(1);
        }
        return b.build();
    }

    private static Content content(PodAdRequest.Content c) {
        Content.Builder b = Content.newBuilder();
        boolean any = false;
        if (c.id() != null) {
            b.setId(c.id());
            any = true;
        }
        if (c.title() != null) {
            b.setTitle(c.title());
            any = true;
        }
        if (c.series() != null) {
            b.setSeries(c.series());
            any = true;
        }
        if (c.genre() != null) {
            b.setGenre(c.genre());
            any = true;
        }
        if (c.lengthSeconds() > 0) {
            b.setLen(c.lengthSeconds());
            any = true;
        }
        if (!c.cat().isEmpty()) {
            b.addAllCat(c.cat());
            any = true;
        }
        if (c.livestream() != null) {
            b.setLivestream(c.livestream());
            any = true;
        }
        return any ? b.build() : null;
    }

    private static Device device(PodAdRequest.Device d) {
        Device.Builder b = Device.newBuilder();
        if (d.ua() != null) {
            b.setUa(d.ua());
        }
        if (d.ip() != null) {
            if (d.ip().indexOf(':') >= 0) {
                b.setIpv6(d.ip());
            } else {
                b.setIp(d.ip());
            }
        }
        if (d.ifa() != null) {
            b.setIfa(d.ifa());
        }
        if (d.type() > 0) {
            b.setDevicetype(DeviceType.forNumber(d.type()));
        }
        if (d.os() != null) {
            b.setOs(d.os());
        }
        if (d.w() > 0 && d.h() > 0) {
            b.setW(d.w()).setH(d.h());
        }
        if (d.lmt() != null) {
            b.setLmt(d.lmt());
        }
        if (d.dnt() != null) {
            b.setDnt(d.dnt());
        }
        return b.build();
    }
}
