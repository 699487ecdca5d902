// SPDX-License-Identifier: Apache-2.0
#include "sim/app_registry.h"

#include <cctype>

#include "sw/apps/shared_flag.h"

namespace sim::app {
namespace {

using config::ConfigNode;

struct AppSpec {
  const char* name;
  const char* side;
  AppInstance (*parse)(const ConfigNode& options, const models::BoardConfig& board);
};

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
  s.rounds = static_cast<unsigned>(o.uint_or("rounds", s.rounds));
  if (s.rounds == 0 || s.rounds > 0xffff) o.at("rounds").fail("rounds must be within 1..65535");
  return s;
}

AppInstance shared_flag_writer(const ConfigNode& o, const models::BoardConfig& b) {
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, b);
  s.ack_timeout = o.time_or("ack_timeout", s.ack_timeout);
  AppInstance app{"shared_flag_writer", {"shared_flag_writer", 0, false, 0}, {}};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_writer(hal, info, s);
  };
  return app;
}

AppInstance shared_flag_reader(const ConfigNode& o, const models::BoardConfig& b) {
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, b);
  s.invalidate = o.bool_or("invalidate", s.invalidate);
  AppInstance app{"shared_flag_reader", {"shared_flag_reader", 5, true, 0}, {}};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_reader(hal, info, s);
  };
  return app;
}

const std::vector<AppSpec>& registry() {
  static const std::vector<AppSpec> kApps = {
      {"shared_flag_writer", "master", shared_flag_writer},
      {"shared_flag_reader", "remote", shared_flag_reader},
  };
  return kApps;
}

} // namespace

std::vector<std::string> app_names(const std::string& side) {
  std::vector<std::string> out;
  for (const AppSpec& a : registry())
    if (side == a.side) out.emplace_back(a.name);
  return out;
}

AppInstance parse_app(const ConfigNode& item, const std::string& side,
                      const models::BoardConfig& board) {
  if (!item.is_map()) item.fail("an app is written `- name: {options}`");
  auto entries = item.entries();
  if (entries.size() != 1) {
    std::string keys;
    for (const auto& e : entries) keys += (keys.empty() ? "" : ", ") + e.first;
    item.fail("an app is written `- name: {options}` with one key, the application's name; found " +
              keys);
  }
  const auto& [name, options] = entries.front();
  for (const AppSpec& a : registry()) {
    if (name != a.name) continue;
    if (side != a.side) options.fail(name + " runs on the " + a.side + " side, not on " + side);
    options.require_map();
    return a.parse(options, board);
  }
  std::string known;
  for (const std::string& n : app_names(side)) known += (known.empty() ? "" : ", ") + n;
  throw config::ConfigError(item.loc(), item.path() + "." + name,
                            "unknown application '" + name + "' for the " + side +
                                " side (known: " + known + ")");
}

} // namespace sim::app
