// SPDX-License-Identifier: Apache-2.0
// Linux rpmsg drivers a scenario can load on the master: the kernel's rpmsg_client_sample and the
// stream sender load generator.
#include "sim/scenario/app_specs.h"
#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/linux/stream_sender.h"
#include "sw/shm/layout.h"

namespace sim::app::specs {

using config::ConfigNode;
using config::Key;
using config::KeyReader;
using config::KeySet;

const KeySet& rpmsg_client_sample_keys() {
  static const KeySet keys(
      "rpmsg_client_sample",
      "Linux's samples/rpmsg module: a strict ping-pong on rpmsg-client-sample, goodbye! after "
      "`count` replies.",
      {Key::uint("count", "replies before it says goodbye (the module's `count` parameter)")
           .range(1, 1000000)
           .defaults_to("100")
           .eg("count: 3")});
  return keys;
}

const KeySet& stream_sender_keys() {
  static const KeySet keys(
      "stream",
      "A load generator on the master: sends `count` messages on a channel, back to back or at "
      "an interval, and can wait for their echoes.",
      {rpmsg_name_key("channel", "the channel to send on", "rpmsg-client-sample")
           .eg("channel: rpmsg-tty"),
       Key::uint("count", "messages to send").range(1, 1000000).defaults_to("100").eg("count: 40"),
       Key::time("interval", "between sends (0: back to back)")
           .defaults_to("0")
           .eg("interval: 1ms"),
       Key::choice("send", {"blocking", "try"},
                   "rpmsg_send (waits up to send_timeout for a TX buffer) or rpmsg_trysend "
                   "(-ENOMEM at once)")
           .defaults_to("blocking")
           .eg("send: try"),
       Key::uint("payload_size", "payload bytes: the sequence number, the magic, a pattern "
                                 "(496 fill a 512-byte buffer)")
           .range(8, sw::shm::kRpmsgMaxPayload)
           .defaults_to("16")
           .eg("payload_size: 496"),
       Key::uint("magic", "the word after the sequence number")
           .range(0, 0xffffffff)
           .defaults_to("0x4d525453")
           .eg("magic: 0x12345678"),
       Key::boolean("expect_echo", "wait for each message's echo before ending")
           .defaults_to("false")
           .eg("expect_echo: true"),
       Key::time("echo_timeout", "how long to wait for echoes after the last send")
           .defaults_to("100ms")
           .eg("echo_timeout: 1s"),
       Key::uint("priority", "the sending thread's Linux priority")
           .range(0, 139)
           .defaults_to("20")
           .eg("priority: 10"),
       Key::uint("core", "the core the sending thread runs on (default: master.core)")
           .eg("core: 1")});
  return keys;
}

AppInstance rpmsg_client_sample(const ConfigNode& options, const AppContext&) {
  const KeyReader o(rpmsg_client_sample_keys(), options);
  sw::apps::RpmsgClientSampleOptions s;
  // The module parameter is an int; the sample stops after `count` replies.
  s.count = static_cast<int>(o.small_uint("count"));
  AppInstance app;
  app.name = "rpmsg_client_sample";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::RpmsgClientSample>(s, std::move(done));
  };
  return app;
}

AppInstance stream_sender(const ConfigNode& options, const AppContext& c) {
  refuse_ledger_naming(options);
  const KeyReader o(stream_sender_keys(), options);
  sw::apps::StreamSenderOptions s;
  s.channel = rpmsg_name_option(o, "channel");
  s.count = o.small_uint("count");
  s.interval = o.time("interval");
  s.blocking = o.choice<bool>("send", {{"blocking", true}, {"try", false}});
  s.payload_size = o.small_uint("payload_size");
  s.magic = static_cast<std::uint32_t>(o.uint("magic"));
  s.expect_echo = o.boolean("expect_echo");
  // How long to wait for echoes after the last send (not the scenario's `settle`).
  s.settle = o.time("echo_timeout");
  s.priority = static_cast<int>(o.small_uint("priority"));
  s.core = c.master.kernel.core;
  if (const std::optional<std::uint64_t> core = o.uint_if("core")) {
    if (*core >= c.board.cluster(Side::kMaster).cores)
      o.at("core").fail("the master cluster has " +
                        std::to_string(c.board.cluster(Side::kMaster).cores) + " cores");
    s.core = static_cast<unsigned>(*core);
  }
  AppInstance app;
  app.name = "stream";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::StreamSender>(s, std::move(done));
  };
  return app;
}

} // namespace sim::app::specs
