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
// receives the way the Linux application on the other end names what it sends.
sw::apps::ProbeNaming probe_naming(const ConfigNode& o, sw::apps::ProbeNaming ping_pong) {
  sw::apps::ProbeNaming n = ping_pong;
  if (auto peer = o.get("peer")) {
    if (peer->choice<bool>({{"rpmsg_client_sample", false}, {"stream_sender", true}}))
      n = {"stream", "stream/echo", true}; // the stream sender's default endpoints
  }
  n.endpoint = o.str_or("endpoint", n.endpoint);
  n.echo_endpoint = o.str_or("echo_endpoint", n.echo_endpoint);
  return n;
}

std::string endpoint_name(const ConfigNode& o, const std::string& fallback) {
  auto n = o.get("name");
  if (!n) return fallback;
  std::string s = n->str();
  if (s.empty() || s.size() > 31) n->fail("an rpmsg endpoint name has 1..31 characters");
  return s;
}

unsigned count_or(const ConfigNode& o, const std::string& key, unsigned fallback, bool zero_ok) {
  auto n = o.get(key);
  if (!n) return fallback;
  std::uint64_t v = n->uint();
  if ((v == 0 && !zero_ok) || v > 1000000)
    n->fail(key + " must be within " + (zero_ok ? "0" : "1") + "..1000000" +
            (zero_ok ? " (0: serve forever)" : ""));
  return static_cast<unsigned>(v);
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
  s.name = endpoint_name(o, s.name);
  // `while (msg_cnt < 100)` in the sample; changeable to study the endpoint's end.
  s.messages = count_or(o, "messages", s.messages, false);
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, s.probes);
  return zephyr_app<sw::apps::ClientSampleResponder>("client_sample_responder", s);
}

AppInstance tty_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::TtyResponderOptions s;
  s.name = endpoint_name(o, s.name);
  s.messages = count_or(o, "messages", s.messages, true);
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, s.probes);
  return zephyr_app<sw::apps::TtyResponder>("tty_responder", s);
}

AppInstance queued_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::QueuedResponderOptions s;
  s.name = endpoint_name(o, s.name);
  // Sized to the ring by default: Linux cannot have more messages in flight than vring1 holds.
  s.queue_depth = count_or(o, "queue_depth", c.remote.image.vring_num, false);
  s.messages = count_or(o, "messages", s.messages, true);
  s.console = c.remote.image.console;
  s.probes = probe_naming(o, s.probes);
  return zephyr_app<sw::apps::QueuedResponder>("queued_responder", s);
}

} // namespace sim::app::specs
