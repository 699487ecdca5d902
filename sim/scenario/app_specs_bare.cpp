// SPDX-License-Identifier: Apache-2.0
// Bare applications: threads on one cluster, no OS stack (the shared-flag doorbell pair).
#include <cctype>

#include "sim/scenario/app_specs.h"
#include "sw/apps/shared_flag.h"

namespace sim::app::specs {
namespace {

using config::ConfigNode;

// `flag:` is an address or a carve-out name (its base), optionally with `flag_offset:`.
std::uint64_t parse_flag(const ConfigNode& options, const models::BoardConfig& board) {
  ConfigNode flag = options.at("flag");
  std::uint64_t addr = 0;
  const std::string text = flag.str();
  if (const models::CarveoutConfig* c = board.carveout(text)) {
    addr = c->base + options.uint_or("flag_offset", 0);
    if (addr + 4 > c->base + c->size) options.at("flag_offset").fail("runs past carve-out " + text);
  } else if (!text.empty() && std::isdigit(static_cast<unsigned char>(text[0]))) {
    addr = flag.uint();
  } else {
    std::string names;
    for (const auto& carve : board.carveouts) names += (names.empty() ? "" : ", ") + carve.name;
    flag.fail("'" + text + "' is neither an address nor a carve-out (" + names + ")");
  }
  if (addr % 4 != 0) flag.fail("the flag must be 4-byte aligned");
  return addr;
}

sw::apps::SharedFlagOptions parse_shared_flag(const ConfigNode& o, const models::BoardConfig& b) {
  sw::apps::SharedFlagOptions s;
  s.flag_addr = parse_flag(o, b);
  const std::uint64_t rounds = o.uint_or("rounds", s.rounds);
  if (rounds == 0 || rounds > 0xffff) o.at("rounds").fail("rounds must be within 1..65535");
  s.rounds = static_cast<unsigned>(rounds);
  return s;
}

} // namespace

AppInstance shared_flag_writer(const ConfigNode& o, const AppContext& c) {
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, c.board);
  s.ack_timeout = o.time_or("ack_timeout", s.ack_timeout);
  AppInstance app;
  app.name = "shared_flag_writer";
  app.thread = {"shared_flag_writer", 0, false, 0};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_writer(hal, info, s);
  };
  return app;
}

AppInstance shared_flag_reader(const ConfigNode& o, const AppContext& c) {
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, c.board);
  s.invalidate = o.bool_or("invalidate", s.invalidate);
  AppInstance app;
  app.name = "shared_flag_reader";
  app.thread = {"shared_flag_reader", 5, true, 0};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_reader(hal, info, s);
  };
  return app;
}

} // namespace sim::app::specs
