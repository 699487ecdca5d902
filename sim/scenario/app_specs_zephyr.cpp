// SPDX-License-Identifier: Apache-2.0
// Zephyr applications a scenario can run on the remote: the openamp_rsc_table sample's two
// responders, bugs included, and the queued responder that fixes the single slot. They serve
// until their message count (if any) and are not awaited: a run completes with the master's apps.
#include "sim/scenario/app_specs.h"
#include "sw/apps/zephyr/client_sample_responder.h"
#include "sw/apps/zephyr/queued_responder.h"
#include "sw/apps/zephyr/tty_responder.h"

namespace sim::app::specs {

using config::ConfigNode;

namespace {

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
  refuse_ledger_naming(o);
  return zephyr_app<sw::apps::ClientSampleResponder>("client_sample_responder", s);
}

AppInstance tty_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::TtyResponderOptions s;
  s.name = rpmsg_name_option(o, "name", s.name);
  s.messages = bounded_option(o, "messages", s.messages, 0, 1000000, " (0: serve forever)");
  s.console = c.remote.image.console;
  refuse_ledger_naming(o);
  return zephyr_app<sw::apps::TtyResponder>("tty_responder", s);
}

AppInstance queued_responder(const ConfigNode& o, const AppContext& c) {
  sw::apps::QueuedResponderOptions s;
  s.name = rpmsg_name_option(o, "name", s.name);
  // Sized to the ring by default: Linux cannot have more messages in flight than vring1 holds.
  s.queue_depth = bounded_option(o, "queue_depth", c.remote.image.vring_num, 1, 1000000);
  s.messages = bounded_option(o, "messages", s.messages, 0, 1000000, " (0: serve forever)");
  s.console = c.remote.image.console;
  refuse_ledger_naming(o);
  return zephyr_app<sw::apps::QueuedResponder>("queued_responder", s);
}

} // namespace sim::app::specs
