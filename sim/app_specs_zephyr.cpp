// SPDX-License-Identifier: Apache-2.0
// Zephyr applications a scenario can run on the remote: the openamp_rsc_table sample's two
// responders, bugs included, and the queued responder that fixes the single slot. They serve
// until their message count (if any) and are not awaited: a run completes with the master's apps.
#include "sim/app_specs.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/apps/zephyr/queued_responder.h"
#include "sw/apps/zephyr/tty_responder.h"

namespace sim::app::specs {

using config::ConfigNode;

namespace {

// The ledger pairs a reply with its request by (endpoint, id): the responder names what it
// receives the way the Linux application on the other end names what it sends. With
// `peer: stream` the names are the scenario's stream sender's own.
sw::apps::ProbeNaming probe_naming(const ConfigNode& o, const AppContext& c,
                                   sw::apps::ProbeNaming ping_pong) {
  sw::apps::ProbeNaming n = ping_pong;
  if (auto peer = o.get("peer")) {
    if (peer->choice<bool>({{"rpmsg_client_sample", false}, {"stream", true}})) {
      n = {"stream", "stream/echo", true}; // the stream sender's defaults
      for (const AppInstance& app : c.master_apps)
        if (app.name == "stream") {
          n.endpoint = app.ledger_endpoint;
          n.echo_endpoint = app.ledger_echo_endpoint;
          break;
        }
    }
  }
  n.endpoint = name_option(o, "endpoint", n.endpoint);
  n.echo_endpoint = name_option(o, "echo_endpoint", n.echo_endpoint);
  return n;
}

template <typename App, typename Options> AppInstance zephyr_app(const char* name, Options s) {
  AppInstance app;
  app.name = name;
  app.awaited = false;
  app.make_zephyr_app = [s](AppInstance::Done done) mutable {
    s.on_done = std::move(done);
    return std::make_unique<App>(s);
  };
  return app;
}

} // namespace

AppInstance client_sample_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::ClientSampleResponderOptions s;
  s.name = rpmsg_name_option(o, "name", s.name);
  // `while (msg_cnt < 100)` in the sample; changeable to study the endpoint's end.
  s.messages = bounded_option(o, "messages", s.messages, 1, 1000000);
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, c, s.probes);
  return zephyr_app<sw::apps::ClientSampleResponder>("client_sample_responder", s);
}

AppInstance tty_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::TtyResponderOptions s;
  s.name = rpmsg_name_option(o, "name", s.name);
  s.messages = bounded_option(o, "messages", s.messages, 0, 1000000, " (0: serve forever)");
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, c, s.probes);
  return zephyr_app<sw::apps::TtyResponder>("tty_responder", s);
}

AppInstance queued_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::QueuedResponderOptions s;
  s.name = rpmsg_name_option(o, "name", s.name);
  // Sized to the ring by default: Linux cannot have more messages in flight than vring1 holds.
  s.queue_depth = bounded_option(o, "queue_depth", c.remote.image.vring_num, 1, 1000000);
  s.messages = bounded_option(o, "messages", s.messages, 0, 1000000, " (0: serve forever)");
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, c, s.probes);
  return zephyr_app<sw::apps::QueuedResponder>("queued_responder", s);
}

} // namespace sim::app::specs
