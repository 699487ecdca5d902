// SPDX-License-Identifier: Apache-2.0
// Bare applications: threads on one cluster, no OS stack (the shared-flag doorbell pair).
#include <cctype>

#include "sim/scenario/app_specs.h"
#include "sw/apps/shared_flag.h"

namespace sim::app::specs {
namespace {

using config::ConfigNode;

using config::Key;
using config::KeyReader;
using config::KeySet;

std::vector<Key> shared_flag_keys() {
  return {Key::any("flag", "the flag's address, or a carve-out's name (its base)")
              .needed()
              .eg("flag: vdev0buffer"),
          Key::uint("flag_offset", "with a carve-out's name: the flag's offset in it")
              .defaults_to("0")
              .eg("flag_offset: 0x100"),
          Key::uint("rounds", "handshakes").range(1, 65535).defaults_to("4").eg("rounds: 4")};
}

// `flag:` is an address or a carve-out name (its base), optionally with `flag_offset:`.
std::uint64_t parse_flag(const KeyReader& options, const models::BoardConfig& board) {
  ConfigNode flag = options.at("flag");
  std::uint64_t addr = 0;
  const std::string text = flag.str();
  if (const models::CarveoutConfig* c = board.carveout(text)) {
    addr = c->base + options.uint("flag_offset");
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

sw::apps::SharedFlagOptions parse_shared_flag(const KeyReader& o, const models::BoardConfig& b) {
  sw::apps::SharedFlagOptions s;
  s.flag_addr = parse_flag(o, b);
  s.rounds = o.small_uint("rounds");
  return s;
}

} // namespace

const KeySet& shared_flag_writer_keys() {
  static const KeySet keys = [] {
    std::vector<Key> k = shared_flag_keys();
    k.push_back(Key::time("ack_timeout", "how long the writer waits for each acknowledgement")
                    .defaults_to("10ms")
                    .eg("ack_timeout: 1ms"));
    return KeySet("shared_flag_writer",
                  "The master's half of the shared-flag handshake: writes the flag, rings the "
                  "doorbell, waits for the reader's acknowledgement.",
                  std::move(k));
  }();
  return keys;
}

const KeySet& shared_flag_reader_keys() {
  static const KeySet keys = [] {
    std::vector<Key> k = shared_flag_keys();
    k.push_back(Key::boolean("invalidate", "invalidate the flag's line before reading it (false: "
                                           "the missing-invalidate bug)")
                    .defaults_to("true")
                    .eg("invalidate: false"));
    return KeySet("shared_flag_reader",
                  "The remote's half of the shared-flag handshake: waits for the doorbell, reads "
                  "the flag, acknowledges.",
                  std::move(k));
  }();
  return keys;
}

AppInstance shared_flag_writer(const ConfigNode& options, const AppContext& c) {
  const KeyReader o(shared_flag_writer_keys(), options);
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, c.board);
  s.ack_timeout = o.time("ack_timeout");
  AppInstance app;
  app.name = "shared_flag_writer";
  app.thread = {"shared_flag_writer", 0, false, 0};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_writer(hal, info, s);
  };
  return app;
}

AppInstance shared_flag_reader(const ConfigNode& options, const AppContext& c) {
  const KeyReader o(shared_flag_reader_keys(), options);
  sw::apps::SharedFlagOptions s = parse_shared_flag(o, c.board);
  s.invalidate = o.boolean("invalidate");
  AppInstance app;
  app.name = "shared_flag_reader";
  app.thread = {"shared_flag_reader", 5, true, 0};
  app.main = [s](hal::Hal& hal, const sw::PlatformInfo& info) {
    sw::apps::shared_flag_reader(hal, info, s);
  };
  return app;
}

} // namespace sim::app::specs
