// SPDX-License-Identifier: Apache-2.0
// ipcsim's probe port: the firmware's application reports a message kept, taken or lost, with
// its endpoint and bytes read from the core's memory; nonsense is counted, never reported.
#include "sim/run/firmware_probe_port.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>
#include <string>

namespace sim::app {
namespace {

using Port = FirmwareProbePort;

struct ProbePort : ::testing::Test {
  std::map<std::uint64_t, std::string> memory = {{0x20001000, "hello world!"},
                                                 {0x200cb010, "hello world!"}};
  std::vector<hal::ProbeEvent> events;
  std::vector<std::string> payloads, names, reasons;
  Port port{[this](std::uint64_t a, void* out, std::size_t n) {
              const auto it = memory.find(a);
              if (it == memory.end() || it->second.size() < n) return false;
              std::memcpy(out, it->second.data(), n);
              return true;
            },
            [this](const hal::ProbeEvent& e) {
              events.push_back(e);
              payloads.emplace_back(static_cast<const char*>(e.data), e.length);
              names.emplace_back(e.name);
              reasons.emplace_back(e.reason);
            }};

  void report(std::uint32_t event, std::uint64_t data, std::uint32_t len, std::uint32_t where,
              std::uint32_t reason = 0) {
    port.write(Port::kDst, 0x400);
    port.write(Port::kLen, len);
    port.write(Port::kDataLo, static_cast<std::uint32_t>(data));
    port.write(Port::kDataHi, static_cast<std::uint32_t>(data >> 32));
    port.write(Port::kWhere, where);
    port.write(Port::kReason, reason);
    port.write(Port::kEvent, event);
  }
};

TEST_F(ProbePort, KeptTakenAndLostAreTheApplicationsProbes) {
  report(1, 0x200cb010, 12, 1);    // kept in the slot: the bytes the endpoint got
  report(2, 0x20001000, 12, 0);    // taken: the application's copy
  report(3, 0x20001000, 12, 1, 1); // lost from the slot: overwritten
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, hal::ProbeKind::kAppHeld);
  EXPECT_EQ(events[0].dst, 0x400u);
  EXPECT_EQ(payloads[0], "hello world!");
  EXPECT_EQ(names[0], "slot");
  EXPECT_EQ(events[1].kind, hal::ProbeKind::kAppConsumed);
  EXPECT_EQ(names[1], "");
  EXPECT_EQ(events[2].kind, hal::ProbeKind::kAppDropped);
  EXPECT_EQ(reasons[2], "slot_overwritten");
  EXPECT_EQ(port.events(), 3u);
  EXPECT_EQ(port.errors(), 0u);
}

TEST_F(ProbePort, QueueAndHeldBufferPlacesAndTheirReasons) {
  report(1, 0x200cb010, 12, 2);
  report(3, 0x200cb010, 12, 2, 2);
  report(3, 0x200cb010, 12, 3, 3);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(names[0], "queue");
  EXPECT_EQ(reasons[1], "queue_full");
  EXPECT_EQ(names[2], "held buffer");
  EXPECT_EQ(reasons[2], "held_buffer_leaked");
}

TEST_F(ProbePort, NonsenseIsCountedNotReported) {
  report(9, 0x200cb010, 12, 1);     // no such event
  report(1, 0x200cb010, 12, 0);     // kept nowhere
  report(1, 0x200cb010, 12, 9);     // no such place
  report(3, 0x200cb010, 12, 1, 0);  // lost without a reason
  report(3, 0x200cb010, 12, 1, 7);  // no such reason
  report(2, 0x30000000, 12, 0);     // nothing answers there
  report(2, 0x200cb010, 100000, 0); // longer than any rpmsg payload
  port.write(0x40, 1);              // no such register
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(port.errors(), 8u);
  EXPECT_EQ(port.events(), 0u);
}

TEST_F(ProbePort, KicksSentAndLostAreTheStacksNotifications) {
  port.write(Port::kEvent, 4);
  port.write(Port::kEvent, 5);
  port.write(Port::kEvent, 4);
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, hal::ProbeKind::kKick);
  EXPECT_EQ(events[1].kind, hal::ProbeKind::kKickLost);
  EXPECT_EQ(port.kicks(), 2u);
  EXPECT_EQ(port.kicks_lost(), 1u);
  EXPECT_EQ(port.events(), 0u); // no message
}

TEST_F(ProbePort, AnEmptyMessageNeedsNoPayload) {
  report(2, 0, 0, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].length, 0u);
}

} // namespace
} // namespace sim::app
