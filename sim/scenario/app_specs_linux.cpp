// SPDX-License-Identifier: Apache-2.0
// Linux rpmsg drivers a scenario can load on the master: the kernel's rpmsg_client_sample and the
// stream sender load generator.
#include "sim/scenario/app_specs.h"
#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/linux/stream_sender.h"
#include "sw/shm/layout.h"

namespace sim::app::specs {

using config::ConfigNode;

AppInstance rpmsg_client_sample(const ConfigNode& o, const AppContext&) {
  sw::apps::RpmsgClientSampleOptions s;
  // The module parameter is an int; the sample stops after `count` replies.
  s.count = static_cast<int>(bounded_option(o, "count", 100, 1, 1000000, ""));
  AppInstance app;
  app.name = "rpmsg_client_sample";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::RpmsgClientSample>(s, std::move(done));
  };
  return app;
}

AppInstance stream_sender(const ConfigNode& o, const AppContext& c) {
  sw::apps::StreamSenderOptions s;
  s.channel = rpmsg_name_option(o, "channel", s.channel);
  s.count = bounded_option(o, "count", s.count, 1, 1000000, "");
  s.interval = o.time_or("interval", s.interval);
  // rpmsg_send (waits up to send_timeout for a TX buffer) or rpmsg_trysend (-ENOMEM at once).
  if (auto mode = o.get("send"))
    s.blocking = mode->choice<bool>({{"blocking", true}, {"try", false}});
  s.payload_size = bounded_option(
      o, "payload_size", static_cast<unsigned>(s.payload_size), 8, sw::shm::kRpmsgMaxPayload,
      " (8 for the sequence number and magic; 496 fill a 512-byte buffer)");
  if (auto magic = o.get("magic")) s.magic = magic->uint32();
  s.expect_echo = o.bool_or("expect_echo", s.expect_echo);
  // How long to wait for echoes after the last send (not the scenario's `settle`).
  s.settle = o.time_or("echo_timeout", s.settle);
  refuse_ledger_naming(o);
  s.priority =
      static_cast<int>(bounded_option(o, "priority", s.priority, 0, 139, " (Linux priorities)"));
  s.core = c.master.kernel.core;
  if (auto core = o.get("core")) {
    std::uint64_t v = core->uint();
    if (v >= c.board.cluster(Side::kMaster).cores)
      core->fail("the master cluster has " + std::to_string(c.board.cluster(Side::kMaster).cores) +
                 " cores");
    s.core = static_cast<unsigned>(v);
  }
  AppInstance app;
  app.name = "stream";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::StreamSender>(s, std::move(done));
  };
  return app;
}

} // namespace sim::app::specs
