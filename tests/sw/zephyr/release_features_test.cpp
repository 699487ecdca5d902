// SPDX-License-Identifier: Apache-2.0
// OpenAMP release features one at a time: each pair of TESTs runs the same exchange with one
// feature on and off over the same release (openamp.features), so a misplaced or misread feature
// fails here whatever the release table says. The other features are tested where their code
// lives (device_virtqueue_test, remote_rx_test, remote_tx_test, remote_boot_test). One
// simulation per TEST.
#include <gtest/gtest.h>

#include <map>
#include <string>
#include <vector>

#include "tests/sw/zephyr/test_clients.h"

namespace sim::test {
namespace {

namespace zephyr = sw::zephyr;
using Features = std::map<std::string, bool>;

// --- invalidate_on_rx_return (7a11ad1, v2023.04) ------------------------------------------------

/// Ten 5-byte messages, one at a time, into 8 Linux TX buffers: the ninth reuses the first.
std::vector<std::string> reuse_run(bool invalidate_on_return) {
  RemoteRig rig(kTableUncached);
  rig.options.release = "v2023.04";
  rig.options.openamp_features = {{"invalidate_on_rx_return", invalidate_on_return}};
  Sink sink;
  rig.boot_remote({&sink.app});
  rig.boot_master([](ScriptedMaster& m, hal::Hal&) { stream_to_sink(m, 10, 5); });
  rig.run_ms(30);
  return sink.received;
}

TEST(ReleaseFeatures, InvalidateOnRxReturnKeepsAReusedBufferClean) {
  EXPECT_EQ(reuse_run(true), numbered_list(10, 5));
}

TEST(ReleaseFeatures, WithoutInvalidateOnRxReturnTheDirtyReservedLineComesBack) {
  // B4: the `reserved` store's dirty line is cleaned over Linux's ninth message.
  const std::vector<std::string> got = reuse_run(false);
  ASSERT_EQ(got.size(), 10u);
  EXPECT_EQ(got[8], numbered(0, 5));
}

// --- kick_on_release (2b6a38a, v2022.10) and hold_counter (b32187e, v2024.05) --------------------

/// An endpoint whose callback holds its buffer `holds` times; its thread then releases it once.
struct HoldThenRelease {
  explicit HoldThenRelease(unsigned holds) : holds_(holds) {}
  const void* held = nullptr;
  bool released = false;
  LambdaApp app{[this](hal::Hal& hal, zephyr::Rpmsg& rpmsg) {
    zephyr::Endpoint& ept = rpmsg.create_endpoint(
        "hold", zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny,
        [this](zephyr::Endpoint& e, const void* data, std::size_t, std::uint32_t) {
          for (unsigned i = 0; i < holds_; ++i) e.hold_rx_buffer(data);
          held = data;
          return 0;
        });
    while (held == nullptr) hal.sleep(1 * hal::kMs);
    hal.sleep(2 * hal::kMs); // well after the drain's own kick left the mailbox
    ept.release_rx_buffer(held);
    released = true;
  }};

private:
  unsigned holds_;
};

struct HoldRun {
  /// Kicks Linux saw for vring1, and vring1's used index (buffers returned), after one message.
  std::size_t rx_kicks = 0;
  std::uint16_t returned = 0;
  bool released = false;
};

HoldRun hold_run(const char* release, const Features& features, unsigned holds) {
  RemoteRig rig;
  rig.options.release = release;
  rig.options.openamp_features = features;
  HoldThenRelease app(holds);
  rig.boot_remote({&app.app});
  HoldRun out;
  rig.boot_master([&](ScriptedMaster& m, hal::Hal&) {
    collect(m, 1, 20 * hal::kMs);  // the NS announcement
    m.vring1().set_avail_flags(0); // Linux wants to hear about returned buffers
    m.send(kLinuxAddr, kRemoteAddr, "held");
    while (m.wait_kick(5 * hal::kMs)) {
    }
    for (std::uint32_t id : m.kicks()) out.rx_kicks += id == 1 ? 1 : 0;
    out.returned = m.vring1().used_idx();
  });
  rig.run_ms(40);
  out.released = app.released;
  return out;
}

TEST(ReleaseFeatures, ReleasingAHeldBufferKicksFromV2022_10) {
  // v2023.10: the drain's batch kick (it took a buffer, if held) and the release's.
  const HoldRun r = hold_run("v2023.10", {{"kick_on_release", true}}, 1);
  EXPECT_TRUE(r.released);
  EXPECT_EQ(r.returned, 1u);
  EXPECT_EQ(r.rx_kicks, 2u);
}

TEST(ReleaseFeatures, WithoutKickOnReleaseOnlyTheDrainKicks) {
  const HoldRun r = hold_run("v2023.10", {{"kick_on_release", false}}, 1);
  EXPECT_TRUE(r.released);
  EXPECT_EQ(r.returned, 1u); // returned all the same, silently
  EXPECT_EQ(r.rx_kicks, 1u);
}

TEST(ReleaseFeatures, WithTheHoldCounterTwoHoldsNeedTwoReleases) {
  // v2024.05 counts holds in bits 31:16 of `reserved`: held twice, released once, still held.
  const HoldRun r = hold_run("v2024.05", {{"hold_counter", true}}, 2);
  EXPECT_TRUE(r.released);
  EXPECT_EQ(r.returned, 0u);
}

TEST(ReleaseFeatures, WithTheHeldFlagOneReleaseReturnsTheBuffer) {
  // Up to v2023.10 a hold sets bit 31: holding twice is holding once.
  const HoldRun r = hold_run("v2024.05", {{"hold_counter", false}}, 2);
  EXPECT_TRUE(r.released);
  EXPECT_EQ(r.returned, 1u);
}

// --- endpoint_address_after_last (bbefedd, v2024.05) -------------------------------------------

/// Creates an endpoint, destroys it and creates another: the second one's address.
std::uint32_t second_endpoint_address(bool after_last) {
  RemoteRig rig;
  rig.options.openamp_features = {{"endpoint_address_after_last", after_last}};
  std::uint32_t first = 0, second = 0;
  LambdaApp app([&](hal::Hal&, zephyr::Rpmsg& rpmsg) {
    const auto ignore = [](zephyr::Endpoint&, const void*, std::size_t, std::uint32_t) {
      return 0;
    };
    zephyr::Endpoint& a =
        rpmsg.create_endpoint("", zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny, ignore);
    first = a.addr();
    a.destroy();
    second = rpmsg.create_endpoint("", zephyr::kRpmsgAddrAny, zephyr::kRpmsgAddrAny, ignore).addr();
  });
  rig.boot_remote({&app});
  rig.boot_master(nullptr);
  rig.run_ms(20);
  EXPECT_EQ(first, 0x400u);
  return second;
}

TEST(ReleaseFeatures, FromV2024_05ANewEndpointTakesTheAddressAfterTheLast) {
  EXPECT_EQ(second_endpoint_address(true), 0x401u);
}

TEST(ReleaseFeatures, BeforeV2024_05ANewEndpointTakesTheFirstFreeAddress) {
  EXPECT_EQ(second_endpoint_address(false), 0x400u);
}

} // namespace
} // namespace sim::test
