// SPDX-License-Identifier: Apache-2.0
// The firmware's messages read from its vring accesses: taking a buffer, handing it to the
// endpoint once the header is read, publishing up to a used.idx store; byte by byte (packed
// structures) as well as in words.
#include "sim/run/firmware_wire.h"

#include <gtest/gtest.h>

#include <cstring>
#include <map>

namespace sim::app {
namespace {

constexpr std::uint64_t kTable = 0x1000, kVring0 = 0x8000, kVring1 = 0x9000;
constexpr std::uint64_t kBuffers = 0xa000;
const sw::shm::VringLayout kLayout{8, 16};

struct Wire : ::testing::Test {
  std::map<std::uint64_t, std::uint8_t> memory;
  std::vector<hal::ProbeEvent> events;
  std::vector<std::string> payloads;
  FirmwareWire wire{kTable,
                    [this](std::uint64_t a, void* out, std::size_t n) {
                      for (std::size_t i = 0; i < n; ++i)
                        static_cast<std::uint8_t*>(out)[i] = memory[a + i];
                      return true;
                    },
                    [this](const hal::ProbeEvent& e) {
                      events.push_back(e);
                      payloads.emplace_back(static_cast<const char*>(e.data),
                                            e.data != nullptr ? e.length : 0);
                    }};

  void put(std::uint64_t a, std::uint64_t v, unsigned n) {
    for (unsigned i = 0; i < n; ++i) memory[a + i] = static_cast<std::uint8_t>(v >> (8 * i));
  }
  void put_text(std::uint64_t a, const std::string& s) {
    for (std::size_t i = 0; i < s.size(); ++i) memory[a + i] = static_cast<std::uint8_t>(s[i]);
  }
  /// Zephyr's table: one vdev at 0x14 with status `status` and the two vrings.
  void table(std::uint8_t status) {
    put(kTable + 4, 1, 4);       // num
    put(kTable + 0x10, 0x14, 4); // offset[0]
    put(kTable + 0x14, 3, 4);    // RSC_VDEV
    put(kTable + 0x14 + 24, status, 1);
    for (unsigned v = 0; v < 2; ++v) {
      const std::uint64_t e = kTable + 0x14 + 28 + 20 * v;
      put(e, v == 0 ? kVring0 : kVring1, 4);
      put(e + 4, 16, 4);
      put(e + 8, 8, 4);
    }
  }
  /// A message in buffer `b`: header and payload.
  void message(std::uint64_t b, std::uint32_t src, std::uint32_t dst, const std::string& text) {
    put(b, src, 4);
    put(b + 4, dst, 4);
    put(b + 12, text.size(), 2);
    put_text(b + 16, text);
  }
  void read(std::uint64_t a, unsigned n) {
    std::uint32_t v = 0;
    for (unsigned i = 0; i < n; ++i) v |= std::uint32_t{memory[a + i]} << (8 * i);
    wire.on_access(false, a, n, v);
  }
  void read_bytes(std::uint64_t a, unsigned n) {
    for (unsigned i = 0; i < n; ++i) read(a + i, 1);
  }
};

TEST_F(Wire, NothingIsReportedBeforeTheMasterSetsDriverOk) {
  table(0x3);
  put(kVring1 + kLayout.avail_ring(0), 2, 2);
  read(kVring1 + kLayout.avail_ring(0), 2);
  EXPECT_TRUE(events.empty());
}

TEST_F(Wire, AReceivedMessageIsTakenAtItsDescriptorAndHandedOnceItsHeaderIsRead) {
  table(0x7);
  const std::uint64_t buffer = kBuffers + 2 * 512;
  put(kVring1 + kLayout.avail_ring(0), 2, 2);
  put(kVring1 + kLayout.desc(2), buffer, 8);
  message(buffer, 0x400, 0x401, "hello world!");
  read_bytes(kVring1 + kLayout.avail_ring(0), 2); // packed: byte by byte
  EXPECT_TRUE(events.empty());                    // the descriptor is not read yet
  read(kVring1 + kLayout.desc(2), 4);
  read(kVring1 + kLayout.desc(2) + 4, 4);
  ASSERT_EQ(events.size(), 1u);
  EXPECT_EQ(events[0].kind, hal::ProbeKind::kRxTaken);
  EXPECT_EQ(events[0].address, buffer);
  read_bytes(buffer + 4, 4); // dst first, as OpenAMP looks up the endpoint
  read(buffer + 12, 2);
  EXPECT_EQ(events.size(), 1u);
  read(buffer, 4);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[1].kind, hal::ProbeKind::kRxHanded);
  EXPECT_EQ(events[1].src, 0x400u);
  EXPECT_EQ(events[1].dst, 0x401u);
  EXPECT_EQ(events[1].length, 12u);
  EXPECT_EQ(payloads[1], "hello world!");
  EXPECT_EQ(wire.taken(), 1u);
  EXPECT_EQ(wire.handed(), 1u);
}

TEST_F(Wire, AUsedIdxStorePublishesEveryElementUpToIt) {
  table(0x7);
  for (unsigned i = 0; i < 2; ++i) {
    const std::uint64_t buffer = kBuffers + (4 + i) * 512;
    put(kVring0 + kLayout.desc(4 + i), buffer, 8);
    put(kVring0 + kLayout.used_ring_id(i), 4 + i, 4);
    message(buffer, 0x401, 0x400, i == 0 ? "one" : "two");
  }
  // used.idx = 2, stored byte by byte: published at the second byte.
  put(kVring0 + kLayout.used_idx(), 2, 2);
  wire.on_access(true, kVring0 + kLayout.used_idx(), 1, 2);
  EXPECT_TRUE(events.empty());
  wire.on_access(true, kVring0 + kLayout.used_idx() + 1, 1, 0);
  ASSERT_EQ(events.size(), 2u);
  EXPECT_EQ(events[0].kind, hal::ProbeKind::kTxPublished);
  EXPECT_EQ(events[0].address, kBuffers + 4 * 512);
  EXPECT_EQ(payloads[0], "one");
  EXPECT_EQ(payloads[1], "two");
  EXPECT_EQ(events[1].name, "vring0");
  // The same index again publishes nothing more.
  wire.on_access(true, kVring0 + kLayout.used_idx(), 2, 2);
  EXPECT_EQ(events.size(), 2u);
}

} // namespace
} // namespace sim::app
