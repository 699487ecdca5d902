// SPDX-License-Identifier: Apache-2.0
// ipcsim's probe port: the firmware's application reports a message kept, taken or lost, with
// its endpoint, its bytes and the names of its place and drop reason read from the core's
// memory, and its platform the kicks it sent and lost; nonsense is counted, never reported.
#include "sim/run/firmware_probe_port.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace sim::app {
namespace {

using Port = FirmwareProbePort;

constexpr std::uint64_t kCopy = 0x20001000, kBuffer = 0x200cb010;
constexpr std::uint64_t kSlot = 0x20002000, kOverwritten = 0x20002100, kQueue = 0x20002200,
                        kQueueFull = 0x20002300, kBogus = 0x20002400, kLong = 0x20002500;

struct ProbePort : ::testing::Test {
  std::map<std::uint64_t, char> memory;
  std::vector<hal::ProbeEvent> events;
  std::vector<std::string> payloads, names, reasons;
  Port port{[this](std::uint64_t a, void* out, std::size_t n) {
              for (std::size_t i = 0; i < n; ++i) {
                const auto it = memory.find(a + i);
                if (it == memory.end()) return false;
                static_cast<char*>(out)[i] = it->second;
              }
              return true;
            },
            [this](const hal::ProbeEvent& e) {
              events.push_back(e);
              payloads.emplace_back(static_cast<const char*>(e.data),
                                    e.data != nullptr ? e.length : 0);
              names.emplace_back(e.name);
              reasons.emplace_back(e.reason);
            }};

  ProbePort() {
    put(kCopy, "hello world!");
    put(kBuffer, "hello world!");
    put(kSlot, std::string("rx_sc_msg slot") + '\0');
    put(kOverwritten, std::string("slot_overwritten") + '\0');
    put(kQueue, std::string("queue") + '\0');
    put(kQueueFull, std::string("queue_full") + '\0');
    put(kBogus, std::string("lost_in_space") + '\0');
    put(kLong, std::string(64, 'x') + '\0');
  }
  void put(std::uint64_t a, const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) memory[a + i] = s[i];
  }
  void address(std::uint64_t reg, std::uint64_t a) {
    port.write(reg, static_cast<std::uint32_t>(a));
    port.write(reg + 4, static_cast<std::uint32_t>(a >> 32));
  }
  void report(std::uint32_t event, std::uint64_t data, std::uint32_t len, std::uint64_t where,
              std::uint64_t reason = 0) {
    port.write(Port::kDst, 0x400);
    port.write(Port::kLen, len);
    address(Port::kDataLo, data);
    address(Port::kWhereLo, where);
    address(Port::kReasonLo, reason);
    port.write(Port::kEvent, event);
  }
};

TEST_F(ProbePort, KeptTakenAndLostAreTheApplicationsProbes) {
  report(1, kBuffer, 12, kSlot);             // kept: the bytes the endpoint got
  report(2, kCopy, 12, 0);                   // taken: the application's copy
  report(3, kCopy, 12, kSlot, kOverwritten); // lost from the slot
  ASSERT_EQ(events.size(), 3u);
  EXPECT_EQ(events[0].kind, hal::ProbeKind::kAppHeld);
  EXPECT_EQ(events[0].dst, 0x400u);
  EXPECT_EQ(payloads[0], "hello world!");
  EXPECT_EQ(names[0], "rx_sc_msg slot");
  EXPECT_EQ(events[1].kind, hal::ProbeKind::kAppConsumed);
  EXPECT_EQ(names[1], "");
  EXPECT_EQ(events[2].kind, hal::ProbeKind::kAppDropped);
  EXPECT_EQ(names[2], "rx_sc_msg slot");
  EXPECT_EQ(reasons[2], "slot_overwritten");
  EXPECT_EQ(port.events(), 3u);
  EXPECT_EQ(port.errors(), 0u);
}

TEST_F(ProbePort, AQueueAndItsReason) {
  report(1, kBuffer, 12, kQueue);
  report(3, kBuffer, 12, kQueue, kQueueFull);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(names[0], "queue");
  EXPECT_EQ(reasons[1], "queue_full");
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

TEST_F(ProbePort, NonsenseIsCountedNotReported) {
  report(9, kBuffer, 12, kSlot);         // no such event
  report(1, kBuffer, 12, 0);             // kept nowhere
  report(1, kBuffer, 12, 0x30000000);    // a name nothing answers for
  report(1, kBuffer, 12, kLong);         // a name without its end
  report(3, kBuffer, 12, kSlot, 0);      // lost without a reason
  report(3, kBuffer, 12, kSlot, kBogus); // not a drop reason of the ledger
  report(2, 0x30000000, 12, 0);          // a payload nothing answers for
  report(2, kBuffer, 100000, 0);         // longer than any rpmsg payload
  port.write(0x40, 1);                   // no such register
  EXPECT_TRUE(events.empty());
  EXPECT_EQ(port.errors(), 9u);
  EXPECT_EQ(port.events(), 0u);
}

TEST_F(ProbePort, AnEmptyMessageNeedsNoPayload) {
  report(2, 0, 0, 0);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].length, 0u);
}

} // namespace
} // namespace sim::app
