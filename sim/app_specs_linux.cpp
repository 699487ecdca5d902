// SPDX-License-Identifier: Apache-2.0
// Linux rpmsg drivers a scenario can load on the master: the kernel's rpmsg_client_sample and the
// stream sender load generator.
#include "sim/app_specs.h"
#include "sw/apps/linux/rpmsg_client_sample.h"
#include "sw/apps/linux/stream_sender.h"
#include "sw/shm/layout.h"

namespace sim::app::specs {

using config::ConfigNode;

namespace {

unsigned bounded(const ConfigNode& o, const std::string& key, unsigned fallback, unsigned lo,
                 unsigned hi, const std::string& why) {
  auto n = o.get(key);
  if (!n) return fallback;
  std::uint64_t v = n->uint();
  if (v < lo || v > hi)
    n->fail(key + " must be within " + std::to_string(lo) + ".." + std::to_string(hi) + why);
  return static_cast<unsigned>(v);
}

std::string non_empty(const ConfigNode& o, const std::string& key, const std::string& fallback) {
  auto n = o.get(key);
  if (!n) return fallback;
  std::string s = n->str();
  if (s.empty()) n->fail(key + " must not be empty");
  return s;
}

// An rpmsg channel name is the NS message's 32-byte name field, NUL included.
std::string channel_name(const ConfigNode& o, const std::string& key, const std::string& fallback) {
  std::string s = non_empty(o, key, fallback);
  if (s.size() > 31) o.at(key).fail("an rpmsg channel name has at most 31 characters");
  return s;
}

} // namespace

AppInstance rpmsg_client_sample(const ConfigNode& o, const AppContext&) {
  sw::apps::RpmsgClientSampleOptions s;
  // The module parameter is an int; the sample stops after `count` replies.
  s.count = static_cast<int>(bounded(o, "count", 100, 1, 1000000, ""));
  AppInstance app;
  app.name = "rpmsg_client_sample";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::RpmsgClientSample>(s, std::move(done));
  };
  return app;
}

AppInstance stream_sender(const ConfigNode& o, const AppContext& c) {
  sw::apps::StreamSenderOptions s;
  s.channel = channel_name(o, "channel", s.channel);
  s.count = bounded(o, "count", s.count, 1, 1000000, "");
  s.interval = o.time_or("interval", s.interval);
  // rpmsg_send (waits up to send_timeout for a TX buffer) or rpmsg_trysend (-ENOMEM at once).
  if (auto mode = o.get("send"))
    s.blocking = mode->choice<bool>({{"blocking", true}, {"try", false}});
  s.payload_size = bounded(o, "payload_size", static_cast<unsigned>(s.payload_size), 8,
                           sw::shm::kRpmsgMaxPayload,
                           " (8 for the sequence number and magic; 496 fill a 512-byte buffer)");
  if (auto magic = o.get("magic")) s.magic = magic->uint32();
  s.expect_echo = o.bool_or("expect_echo", s.expect_echo);
  s.settle = o.time_or("settle", s.settle);
  s.endpoint = non_empty(o, "endpoint", s.endpoint);
  s.echo_endpoint = non_empty(o, "echo_endpoint", s.echo_endpoint);
  s.priority = static_cast<int>(bounded(o, "priority", s.priority, 0, 139, " (Linux priorities)"));
  s.core = c.master.kernel.core;
  if (auto core = o.get("core")) {
    std::uint64_t v = core->uint();
    if (v >= c.board.master.cores)
      core->fail("the master cluster has " + std::to_string(c.board.master.cores) + " cores");
    s.core = static_cast<unsigned>(v);
  }
  AppInstance app;
  app.name = "stream_sender";
  app.make_linux_driver = [s](AppInstance::Done done) {
    return std::make_unique<sw::apps::StreamSender>(s, std::move(done));
  };
  return app;
}

} // namespace sim::app::specs
