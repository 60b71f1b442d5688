package arb.sim;

import java.util.EnumSet;

import arb.sbe.Venue;
import org.junit.jupiter.api.Tag;
import arb.sim.server.SimServer;
import arb.sim.venue.SimFault;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Tag("slow")
@Timeout(120)
class VenueSimulatorTest
{
    @Test
    void faultSpecsParse()
    {
        final VenueSimulator.ScheduledFault f = VenueSimulator.ScheduledFault.parse("kraken:bad-checksum@5000/20000");
        assertThat(f.venue()).isEqualTo(Venue.KRAKEN);
        assertThat(f.fault()).isEqualTo(SimFault.BAD_CHECKSUM);
        assertThat(f.afterMs()).isEqualTo(5_000);
        assertThat(f.everyMs()).isEqualTo(20_000);
        assertThat(VenueSimulator.ScheduledFault.parse("bitstamp:reconnect_request@100").everyMs()).isZero();
        assertThatThrownBy(() -> VenueSimulator.ScheduledFault.parse("kraken@5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VenueSimulator.ScheduledFault.parse("kraken:explode@5")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void listensOnAnEphemeralLoopbackPortAndDescribesItsEndpoints() throws Exception
    {
        try (VenueSimulator sim = VenueSimulator.builder().venues(EnumSet.of(Venue.COINBASE, Venue.BINANCEUS)).build().start())
        {
            assertThat(sim.port()).isPositive();
            assertThat(sim.address().getAddress().isLoopbackAddress()).isTrue();
            final String banner = sim.describe();
            assertThat(banner).contains("ws://127.0.0.1:" + sim.port() + "/coinbase",
                "http://127.0.0.1:" + sim.port() + "/binanceus/api/v3/depth", "clock.rate=1.0",
                "--endpoints sim=127.0.0.1:" + sim.port());
            assertThat(banner).doesNotContain("/kraken");
            Thread.sleep(100);
            assertThat(sim.events()).as("the market runs").isPositive();
        }
    }

    @Test
    void extraRoutesPlugIntoTheSameServer() throws Exception
    {
        final VenueSimulator sim = VenueSimulator.builder().venues(EnumSet.of(Venue.KRAKEN)).build();
        sim.routes().http("/kalshi/trade-api/v2/markets", (request, query) ->
            SimServer.json(io.netty.handler.codec.http.HttpResponseStatus.OK, "{\"markets\":[]}"));
        try (VenueSimulator started = sim.start())
        {
            final java.net.http.HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                    "http://127.0.0.1:" + started.port() + "/kalshi/trade-api/v2/markets")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("{\"markets\":[]}");
        }
    }
}
