// SPDX-License-Identifier: Apache-2.0
#pragma once
// Shared pieces of the remote's platform tests: addresses, the non-cacheable image mapping older
// releases need to boot, a quiet stock responder, a recording client (Sink) and master-side
// helpers that collect vring0 messages or stream numbered messages.

#include <string>
#include <vector>

#include "sw/apps/zephyr/client_sample_responder.h"
#include "tests/sw/zephyr/remote_rig.h"

namespace sim::test {

using Messages = std::vector<ScriptedMaster::Message>;

inline constexpr std::uint32_t kLinuxAddr = 0x400;
inline constexpr std::uint32_t kRemoteAddr = 0x400;

// Releases before v2023.10 (and dcache off) never invalidate the resource table: with the image
// mapped write-back they would stay stuck on the status byte (B5, tested in remote_boot_test).
// Mapping the image non-cacheable, the usual workaround, lets them boot.
inline const RemoteRig::Sets kTableUncached = {{"clusters.remote.mmu[0].attr", "normal_nc"}};

inline sw::apps::ClientSampleResponderOptions quiet_client() {
  sw::apps::ClientSampleResponderOptions o;
  o.console = false;
  return o;
}

// Collects vring0 messages until `count` arrived or `timeout` passed.
inline Messages collect(ScriptedMaster& m, std::size_t count, hal::SimTime timeout) {
  Messages out;
  while (out.size() < count && m.wait_kick(timeout)) {
    Messages got = m.receive();
    out.insert(out.end(), got.begin(), got.end());
  }
  return out;
}

// A client that records what its endpoint receives and never answers.
struct Sink {
  std::vector<std::string> received;
  LambdaApp app{[this](hal::Hal&, sw::zephyr::Rpmsg& rpmsg) {
    rpmsg.create_endpoint(
        "sink", sw::zephyr::kRpmsgAddrAny, sw::zephyr::kRpmsgAddrAny,
        [this](sw::zephyr::Endpoint&, const void* data, std::size_t len, std::uint32_t) {
          const char* p = static_cast<const char*>(data);
          received.emplace_back(p, p + len);
          return 0;
        });
  }};
};

// Sends `count` numbered payloads of `len` bytes to the sink, one at a time: each is posted and
// kicked once the remote has returned the previous one.
inline void stream_to_sink(ScriptedMaster& m, unsigned count, std::size_t len) {
  collect(m, 1, 20 * hal::kMs); // the NS announcement
  for (unsigned n = 0; n < count; ++n) {
    m.send(kLinuxAddr, kRemoteAddr, numbered(n, len));
    if (!m.wait_tx_returned(static_cast<std::uint16_t>(n + 1), 5 * hal::kMs)) return;
  }
}

inline std::vector<std::string> numbered_list(unsigned count, std::size_t len) {
  std::vector<std::string> out;
  for (unsigned n = 0; n < count; ++n) out.push_back(numbered(n, len));
  return out;
}

} // namespace sim::test
