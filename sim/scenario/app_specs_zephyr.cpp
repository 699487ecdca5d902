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
using config::Key;
using config::KeyReader;
using config::KeySet;

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

const KeySet& client_sample_responder_keys() {
  static const KeySet keys(
      "client_sample_responder",
      "The stock responder of Zephyr's openamp_rsc_table sample: one 20-byte slot and a binary "
      "semaphore; it ends its endpoint after `messages`.",
      {rpmsg_name_key("name", "the channel it announces", "rpmsg-client-sample")
           .eg("name: rpmsg-client-sample"),
       Key::uint("messages", "messages it serves before destroying its endpoint (the sample's "
                             "`while (msg_cnt < 100)`)")
           .range(1, 1000000)
           .defaults_to("100")
           .eg("messages: 10")});
  return keys;
}

const KeySet& tty_responder_keys() {
  static const KeySet keys(
      "tty_responder",
      "The sample's TTY responder: holds RX buffers and answers \"TTY 0x%04x: \" + message.",
      {rpmsg_name_key("name", "the channel it announces", "rpmsg-tty").eg("name: rpmsg-tty"),
       Key::uint("messages", "messages it serves (0: forever)")
           .range(0, 1000000)
           .defaults_to("0")
           .eg("messages: 10")});
  return keys;
}

const KeySet& queued_responder_keys() {
  static const KeySet keys(
      "queued_responder",
      "The fix for the stock responder: a queue and a counting semaphore, every message echoed.",
      {rpmsg_name_key("name", "the channel it announces", "rpmsg-client-sample")
           .eg("name: rpmsg-client-sample"),
       Key::uint("queue_depth", "queue entries (default: the ring's size, "
                                "resource_table.vring_num)")
           .range(1, 1000000)
           .eg("queue_depth: 8"),
       Key::uint("messages", "messages it serves (0: forever)")
           .range(0, 1000000)
           .defaults_to("0")
           .eg("messages: 100")});
  return keys;
}

AppInstance client_sample_responder(const ConfigNode& options, const AppContext& c) {
  refuse_ledger_naming(options);
  const KeyReader o(client_sample_responder_keys(), options);
  sw::apps::ClientSampleResponderOptions s;
  s.name = rpmsg_name_option(o, "name");
  // `while (msg_cnt < 100)` in the sample; changeable to study the endpoint's end.
  s.messages = o.small_uint("messages");
  s.console = c.remote.image.console;
  return zephyr_app<sw::apps::ClientSampleResponder>("client_sample_responder", s);
}

AppInstance tty_responder(const ConfigNode& options, const AppContext& c) {
  refuse_ledger_naming(options);
  const KeyReader o(tty_responder_keys(), options);
  sw::apps::TtyResponderOptions s;
  s.name = rpmsg_name_option(o, "name");
  s.messages = o.small_uint("messages");
  s.console = c.remote.image.console;
  return zephyr_app<sw::apps::TtyResponder>("tty_responder", s);
}

AppInstance queued_responder(const ConfigNode& options, const AppContext& c) {
  refuse_ledger_naming(options);
  const KeyReader o(queued_responder_keys(), options);
  sw::apps::QueuedResponderOptions s;
  s.name = rpmsg_name_option(o, "name");
  // Sized to the ring by default: Linux cannot have more messages in flight than vring1 holds.
  s.queue_depth =
      static_cast<unsigned>(o.uint_if("queue_depth").value_or(c.remote.image.vring_num));
  s.messages = o.small_uint("messages");
  s.console = c.remote.image.console;
  return zephyr_app<sw::apps::QueuedResponder>("queued_responder", s);
}

} // namespace sim::app::specs
