// SPDX-License-Identifier: Apache-2.0
#include "models/memory/memory.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <vector>

#include "models/common/tlm_util.h"
#include "tests/support/fake_initiator.h"

namespace sim::models {
namespace {

using sim::test::FakeInitiator;
using sim::test::Result;

constexpr std::uint64_t kSize = 0x10000;
constexpr Picoseconds kRead = 90 * kPsPerNs;
constexpr Picoseconds kWrite = 60 * kPsPerNs;

MemoryConfig config(std::uint64_t size = kSize) {
  MemoryConfig c;
  c.name = sc_core::sc_gen_unique_name("mem");
  c.size = size;
  c.read_latency = kRead;
  c.write_latency = kWrite;
  c.poison = 0xcd;
  return c;
}

// Binds a FakeInitiator and records DMI invalidations arriving on its backward path.
struct Bench {
  explicit Bench(const MemoryConfig& cfg) : mem(cfg), cpu(sc_core::sc_gen_unique_name("cpu")) {
    cpu.out.bind(mem.in);
  }
  Memory mem;
  FakeInitiator cpu;
};

class DmiInitiator : public sc_core::sc_module {
public:
  tlm_utils::simple_initiator_socket<DmiInitiator> out;
  std::vector<std::pair<std::uint64_t, std::uint64_t>> invalidated;

  explicit DmiInitiator(const sc_core::sc_module_name& name)
      : sc_core::sc_module(name), out("out") {
    out.register_invalidate_direct_mem_ptr(this, &DmiInitiator::invalidate);
  }
  bool request(std::uint64_t addr, tlm::tlm_dmi& dmi) {
    tlm::tlm_generic_payload p;
    p.set_command(tlm::TLM_READ_COMMAND);
    p.set_address(addr);
    dmi.init();
    return out->get_direct_mem_ptr(p, dmi);
  }

private:
  void invalidate(sc_dt::uint64 start, sc_dt::uint64 end) { invalidated.emplace_back(start, end); }
};

class RecordingObserver : public MemoryObserver {
public:
  struct Event {
    bool write;
    std::uint64_t addr;
    unsigned len;
    std::vector<std::uint8_t> data;
  };
  std::vector<Event> events;
  void on_write(std::uint64_t addr, unsigned len, const std::uint8_t* data) override {
    events.push_back({true, addr, len, std::vector<std::uint8_t>(data, data + len)});
  }
  void on_read(std::uint64_t addr, unsigned len) override {
    events.push_back({false, addr, len, {}});
  }
};

TEST(Memory, WriteThenReadReturnsDataWithLatencies) {
  Bench b(config());
  Result w = b.cpu.write32(0x100, 0xdeadbeef);
  ASSERT_TRUE(w.ok());
  EXPECT_EQ(w.delay, ps_to_sc(kWrite));
  Result r = b.cpu.read32(0x100);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.data, 0xdeadbeefu);
  EXPECT_EQ(r.delay, ps_to_sc(kRead));
  EXPECT_EQ(b.mem.stats().reads, 1u);
  EXPECT_EQ(b.mem.stats().writes, 1u);
  EXPECT_EQ(b.mem.stats().bytes_read, 4u);
  EXPECT_EQ(b.mem.stats().bytes_written, 4u);
}

TEST(Memory, UnwrittenBytesReadAsPoison) {
  Bench b(config());
  EXPECT_EQ(b.cpu.read32(0x40).data, 0xcdcdcdcdu);
}

TEST(Memory, LastByteIsInRangeAndOnePastIsAddressError) {
  Bench b(config());
  EXPECT_TRUE(b.cpu.write8(kSize - 1, 0x5a).ok());
  EXPECT_EQ(b.cpu.read(kSize - 1, 1).data, 0x5au);
  EXPECT_EQ(b.cpu.read32(kSize - 2).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.read(kSize, 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(Memory, AddressPlusLengthOverflowIsAddressError) {
  Bench b(config());
  EXPECT_EQ(b.cpu.read32(~0ull - 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.cpu.write32(~0ull - 1, 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
}

TEST(Memory, OutOfRangeAccessIsAddressErrorAndNotCounted) {
  Bench b(config());
  EXPECT_EQ(b.cpu.write32(0x100000, 1).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.mem.stats().writes, 0u);
}

TEST(Memory, ByteEnablesLeaveDisabledBytesUntouched) {
  Bench b(config());
  b.cpu.write32(0x200, 0x44332211);
  std::uint32_t value = 0xddccbbaa;
  std::uint8_t be[4] = {0xff, 0, 0xff, 0};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0x200);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
  p.set_data_length(4);
  p.set_streaming_width(4);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  ASSERT_EQ(b.cpu.raw(p, delay), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(b.cpu.read32(0x200).data, 0x44cc22aau);

  std::uint32_t out = 0x99999999;
  std::uint8_t be_read[4] = {0, 0, 0xff, 0xff};
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&out));
  p.set_byte_enable_ptr(be_read);
  ASSERT_EQ(b.cpu.raw(p, delay), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(out, 0x44cc9999u);
}

TEST(Memory, StreamingWidthBelowLengthIsBurstError) {
  Bench b(config());
  std::uint8_t data[8] = {};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0);
  p.set_data_ptr(data);
  p.set_data_length(8);
  p.set_streaming_width(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  EXPECT_EQ(b.cpu.raw(p, delay), tlm::TLM_BURST_ERROR_RESPONSE);
}

TEST(Memory, DebugTransportSeesSameDataAndHasNoTimingOrStats) {
  Bench b(config());
  b.cpu.write32(0x300, 0x12345678);
  std::uint32_t v = 0;
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, 0x300, &v, 4), 4u);
  EXPECT_EQ(v, 0x12345678u);
  std::uint32_t w = 0xcafef00d;
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_WRITE_COMMAND, 0x304, &w, 4), 4u);
  EXPECT_EQ(b.cpu.read32(0x304).data, 0xcafef00du);
  EXPECT_EQ(b.mem.stats().writes, 1u);
  EXPECT_EQ(b.mem.stats().reads, 1u);
}

TEST(Memory, DebugTransportClipsAtEndOfBank) {
  Bench b(config());
  std::uint8_t buf[8] = {};
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, kSize - 2, buf, 8), 2u);
  EXPECT_EQ(b.cpu.dbg(tlm::TLM_READ_COMMAND, kSize, buf, 8), 0u);
}

TEST(Memory, GrantsDmiForWholeContiguousBankWithLatencies) {
  Memory mem(config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mem.in);
  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu.request(0x1234, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0u);
  EXPECT_EQ(dmi.get_end_address(), kSize - 1);
  EXPECT_TRUE(dmi.is_read_write_allowed());
  EXPECT_EQ(dmi.get_read_latency(), ps_to_sc(kRead));
  EXPECT_EQ(dmi.get_write_latency(), ps_to_sc(kWrite));
  dmi.get_dmi_ptr()[0x10] = 0x77; // the pointer is the storage
  std::uint8_t v = 0;
  mem.store().read(0x10, &v, 1);
  EXPECT_EQ(v, 0x77);
  EXPECT_EQ(mem.stats().dmi_grants, 1u);
}

TEST(Memory, DeniedRangeRefusesDmiAndGrantsStopShortOfIt) {
  Memory mem(config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mem.in);
  mem.deny_dmi(0x4000, 0x2000);
  tlm::tlm_dmi dmi;
  EXPECT_FALSE(cpu.request(0x5000, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0x4000u);
  EXPECT_EQ(dmi.get_end_address(), 0x5fffu);

  ASSERT_TRUE(cpu.request(0x100, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0u);
  EXPECT_EQ(dmi.get_end_address(), 0x3fffu);

  ASSERT_TRUE(cpu.request(0x8000, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0x6000u);
  EXPECT_EQ(dmi.get_end_address(), kSize - 1);
  std::uint8_t v = 0x31;
  mem.store().write(0x6000, &v, 1);
  EXPECT_EQ(dmi.get_dmi_ptr()[0], 0x31) << "pointer must match the start address";
  EXPECT_EQ(mem.stats().dmi_denied, 1u);
}

TEST(Memory, DenyAfterGrantInvalidatesTheRange) {
  Memory mem(config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mem.in);
  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu.request(0, dmi));
  mem.deny_dmi(0x100, 0x100);
  ASSERT_EQ(cpu.invalidated.size(), 1u);
  EXPECT_EQ(cpu.invalidated[0].first, 0x100u);
  EXPECT_EQ(cpu.invalidated[0].second, 0x1ffu);
}

TEST(Memory, DmiHintIsClearedInsideDeniedRange) {
  Bench b(config());
  b.mem.deny_dmi(0x1000, 0x1000);
  std::uint32_t v = 0;
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_READ_COMMAND);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&v));
  p.set_data_length(4);
  p.set_streaming_width(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  p.set_address(0x1ffe); // straddles into the denied range
  b.cpu.raw(p, delay);
  EXPECT_FALSE(p.is_dmi_allowed());
  p.set_address(0x2000);
  p.set_dmi_allowed(false);
  b.cpu.raw(p, delay);
  EXPECT_TRUE(p.is_dmi_allowed());
}

TEST(Memory, SparseBankGrantsDmiPerPageAndCostsNothingUntilTouched) {
  MemoryConfig cfg = config(2ull * 1024 * 1024 * 1024);
  Memory mem(cfg);
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mem.in);
  EXPECT_TRUE(mem.store().sparse());
  EXPECT_EQ(mem.store().page_count(), 0u);
  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu.request(0x7fff0010, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0x7fff0000u);
  EXPECT_EQ(dmi.get_end_address(), 0x7fff0fffu);
  EXPECT_EQ(dmi.get_dmi_ptr()[0x10], 0xcd);
  EXPECT_EQ(mem.store().page_count(), 1u);
}

TEST(Memory, LoadImageAndLoadBytesFillStorage) {
  const std::string path = ::testing::TempDir() + "memory_test_image.bin";
  {
    std::ofstream f(path, std::ios::binary);
    const std::uint32_t word = 0x600dcafe;
    f.write(reinterpret_cast<const char*>(&word), 4);
  }
  Bench b(config());
  b.mem.load_image(path, 0x800);
  const std::uint8_t bytes[2] = {0x01, 0x02};
  b.mem.load_bytes(0x900, bytes, 2);
  EXPECT_EQ(b.cpu.read32(0x800).data, 0x600dcafeu);
  EXPECT_EQ(b.cpu.read(0x900, 2).data, 0x0201u);
  EXPECT_THROW(b.mem.load_bytes(kSize - 1, bytes, 2), std::out_of_range);
  std::remove(path.c_str());
}

TEST(Memory, ObserversSeeOnlyOverlappingAccessesWithGlobalAddresses) {
  Bench b(config());
  constexpr std::uint64_t kBase = 0x20000000;
  b.mem.set_report_base(kBase);
  RecordingObserver obs;
  b.mem.add_observer(&obs, 0x1000, 0x100);
  b.cpu.write32(0x0ffc, 1);          // just below
  b.cpu.write32(0x1100, 2);          // just above
  b.cpu.write32(0x0ffe, 0x04030201); // straddles the start
  b.cpu.read32(0x10fc);
  ASSERT_EQ(obs.events.size(), 2u);
  EXPECT_TRUE(obs.events[0].write);
  EXPECT_EQ(obs.events[0].addr, kBase + 0x0ffe);
  EXPECT_EQ(obs.events[0].len, 4u);
  EXPECT_EQ(obs.events[0].data, (std::vector<std::uint8_t>{1, 2, 3, 4}));
  EXPECT_FALSE(obs.events[1].write);
  EXPECT_EQ(obs.events[1].addr, kBase + 0x10fc);
}

TEST(Memory, ObserversAreNotCalledForDebugAccesses) {
  Bench b(config());
  RecordingObserver obs;
  b.mem.add_observer(&obs, 0, kSize);
  std::uint32_t v = 7;
  b.cpu.dbg(tlm::TLM_WRITE_COMMAND, 0x10, &v, 4);
  b.cpu.dbg(tlm::TLM_READ_COMMAND, 0x10, &v, 4);
  EXPECT_TRUE(obs.events.empty());
  b.mem.remove_observer(&obs);
  b.cpu.write32(0x10, 1);
  EXPECT_TRUE(obs.events.empty());
}

TEST(Memory, ObserverGetsEnabledRunsOfByteEnabledWrite) {
  Bench b(config());
  RecordingObserver obs;
  b.mem.add_observer(&obs, 0, kSize);
  std::uint8_t data[6] = {1, 2, 3, 4, 5, 6};
  std::uint8_t be[6] = {0xff, 0xff, 0, 0, 0xff, 0};
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(0x20);
  p.set_data_ptr(data);
  p.set_data_length(6);
  p.set_streaming_width(6);
  p.set_byte_enable_ptr(be);
  p.set_byte_enable_length(6);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  ASSERT_EQ(b.cpu.raw(p, delay), tlm::TLM_OK_RESPONSE);
  ASSERT_EQ(obs.events.size(), 2u);
  EXPECT_EQ(obs.events[0].addr, 0x20u);
  EXPECT_EQ(obs.events[0].data, (std::vector<std::uint8_t>{1, 2}));
  EXPECT_EQ(obs.events[1].addr, 0x24u);
  EXPECT_EQ(obs.events[1].data, (std::vector<std::uint8_t>{5}));
}

TEST(Memory, ObserversLeaveDmiToDenyRanges) {
  Memory mem(config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  cpu.out.bind(mem.in);
  RecordingObserver obs;
  mem.add_observer(&obs, 0, kSize); // e.g. a poll watch over the whole bank
  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu.request(0x2800, dmi));
  EXPECT_EQ(dmi.get_end_address(), kSize - 1);
  mem.deny_dmi(0x2000, 0x1000); // the carve-out: every access must stay visible
  EXPECT_FALSE(cpu.request(0x2800, dmi));
}

} // namespace
} // namespace sim::models
