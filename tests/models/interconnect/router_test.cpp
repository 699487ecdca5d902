// SPDX-License-Identifier: Apache-2.0
// The multi-passthrough sockets finish binding at end of elaboration, so every test here elaborates
// with sc_start(SC_ZERO_TIME); ctest runs each TEST in its own process (one kernel per test).
#include "models/interconnect/router.h"

#include <gtest/gtest.h>

#include <memory>
#include <stdexcept>
#include <utility>
#include <vector>

#include "models/common/tlm_util.h"
#include "models/memory/memory.h"
#include "tests/support/fake_initiator.h"
#include "tests/support/fake_target.h"
#include "tests/support/log_capture.h"

namespace sim::models {
namespace {

using sim::test::FakeInitiator;
using sim::test::FakeTarget;
using sim::test::LogCapture;

constexpr std::uint64_t kDevBase = 0x16600000;
constexpr std::uint64_t kDevSize = 0x1000;
constexpr std::uint64_t kDdrBase = 0x20000000;
constexpr std::uint64_t kDdrWindow = 0x10000; // the window is smaller than the memory behind it
constexpr std::uint64_t kDdrMemSize = 0x20000;
constexpr Picoseconds kRouterLatency = 2 * kPsPerNs;

// An initiator recording DMI invalidations on its backward path.
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
    const bool granted = out->get_direct_mem_ptr(p, dmi);
    EXPECT_EQ(p.get_address(), addr) << "address must be restored";
    return granted;
  }

private:
  void invalidate(sc_dt::uint64 start, sc_dt::uint64 end) { invalidated.emplace_back(start, end); }
};

RouterConfig router_config(Picoseconds latency = 0) {
  RouterConfig c;
  c.name = sc_core::sc_gen_unique_name("bus");
  c.latency = latency;
  return c;
}

MemoryConfig memory_config() {
  MemoryConfig c;
  c.name = sc_core::sc_gen_unique_name("ddr");
  c.size = kDdrMemSize;
  c.read_latency = 90 * kPsPerNs;
  c.write_latency = 60 * kPsPerNs;
  return c;
}

// Two CPUs on the router; port 0 = a recording device, port 1 = a memory.
struct Bench {
  explicit Bench(Picoseconds latency = 0)
      : bus(router_config(latency)), cpu0(sc_core::sc_gen_unique_name("cpu")),
        cpu1(sc_core::sc_gen_unique_name("cpu")), dev(sc_core::sc_gen_unique_name("dev"), kDevSize),
        ddr(memory_config()) {
    cpu0.out.bind(bus.in);
    cpu1.out.bind(bus.in);
    bus.out.bind(dev.in);
    bus.out.bind(ddr.in);
    bus.map(0, kDevBase, kDevSize, "dev");
    bus.map(1, kDdrBase, kDdrWindow, "ddr");
    sc_core::sc_start(sc_core::SC_ZERO_TIME);
  }
  Router bus;
  FakeInitiator cpu0;
  FakeInitiator cpu1;
  FakeTarget dev;
  Memory ddr;
};

TEST(Router, ForwardsWithLocalAddressAndRestoresIt) {
  Bench b;
  std::uint32_t value = 0xabcd;
  tlm::tlm_generic_payload p;
  p.set_command(tlm::TLM_WRITE_COMMAND);
  p.set_address(kDevBase + 0x18);
  p.set_data_ptr(reinterpret_cast<unsigned char*>(&value));
  p.set_data_length(4);
  p.set_streaming_width(4);
  sc_core::sc_time delay = sc_core::SC_ZERO_TIME;
  ASSERT_EQ(b.cpu0.raw(p, delay), tlm::TLM_OK_RESPONSE);
  EXPECT_EQ(p.get_address(), kDevBase + 0x18);
  ASSERT_EQ(b.dev.log.size(), 1u);
  EXPECT_EQ(b.dev.log[0].address, 0x18u);
  EXPECT_EQ(b.dev.log[0].command, tlm::TLM_WRITE_COMMAND);
  EXPECT_EQ(b.bus.region_stats("dev").writes, 1u);
}

TEST(Router, TwoInitiatorsReachBothTargets) {
  Bench b;
  ASSERT_TRUE(b.cpu0.write32(kDdrBase + 0x40, 0x11223344).ok());
  sim::test::Result r = b.cpu1.read32(kDdrBase + 0x40);
  ASSERT_TRUE(r.ok());
  EXPECT_EQ(r.data, 0x11223344u);
  EXPECT_EQ(r.delay, ps_to_sc(90 * kPsPerNs));
  ASSERT_TRUE(b.cpu1.read32(kDevBase + 4).ok());
  EXPECT_EQ(b.bus.region_stats("ddr").reads, 1u);
  EXPECT_EQ(b.bus.region_stats("ddr").writes, 1u);
  EXPECT_EQ(b.bus.region_stats("dev").reads, 1u);
}

TEST(Router, AddsItsLatencyToTargetDelay) {
  Bench b(kRouterLatency);
  b.dev.latency = sc_core::sc_time(5, sc_core::SC_NS);
  EXPECT_EQ(b.cpu0.read32(kDevBase).delay, sc_core::sc_time(7, sc_core::SC_NS));
}

TEST(Router, UnmappedAddressIsAddressErrorAndWarns) {
  Bench b;
  LogCapture::instance().expect(log::Level::kWarn, "at 0x30000000 from initiator 1: no region");
  sim::test::Result r = b.cpu1.write32(0x30000000, 1);
  EXPECT_EQ(r.status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.bus.stats().decode_errors, 1u);
  EXPECT_TRUE(b.dev.log.empty());
}

TEST(Router, AccessStraddlingRegionEndIsAddressError) {
  Bench b;
  LogCapture::instance().expect(log::Level::kWarn, "straddles the end of region 'dev'");
  EXPECT_EQ(b.cpu0.read32(kDevBase + kDevSize - 2).status, tlm::TLM_ADDRESS_ERROR_RESPONSE);
  EXPECT_EQ(b.bus.stats().decode_errors, 1u);
  EXPECT_TRUE(b.dev.log.empty());
  EXPECT_TRUE(b.cpu0.read32(kDevBase + kDevSize - 4).ok());
}

TEST(Router, OverlappingMappingThrowsNamingBothRegions) {
  Bench b;
  try {
    b.bus.map(1, kDdrBase + kDdrWindow - 4, 0x100, "late");
    FAIL() << "overlap accepted";
  } catch (const std::invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("'late'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("'ddr'"), std::string::npos);
  }
  EXPECT_THROW(b.bus.map(7, 0x0, 0x100, "unbound"), std::invalid_argument);
}

TEST(Router, DebugTransportTranslatesAndClipsToRegion) {
  Bench b;
  b.dev.store[0x20] = 0x5a;
  std::uint8_t buf[8] = {};
  EXPECT_EQ(b.cpu0.dbg(tlm::TLM_READ_COMMAND, kDevBase + 0x20, buf, 1), 1u);
  EXPECT_EQ(buf[0], 0x5a);
  EXPECT_EQ(b.cpu0.dbg(tlm::TLM_READ_COMMAND, kDevBase + kDevSize - 2, buf, 8), 2u);
  EXPECT_EQ(b.cpu0.dbg(tlm::TLM_READ_COMMAND, 0x30000000, buf, 4), 0u);
  EXPECT_TRUE(b.dev.log.empty()) << "debug accesses are not b_transport";
}

TEST(Router, DmiRangeIsTranslatedBackAndClippedToRegion) {
  Router bus(router_config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  Memory ddr(memory_config());
  cpu.out.bind(bus.in);
  bus.out.bind(ddr.in);
  bus.map(0, kDdrBase, kDdrWindow, "ddr");
  sc_core::sc_start(sc_core::SC_ZERO_TIME);

  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu.request(kDdrBase + 0x100, dmi));
  EXPECT_EQ(dmi.get_start_address(), kDdrBase);
  EXPECT_EQ(dmi.get_end_address(), kDdrBase + kDdrWindow - 1) << "memory is larger than window";
  EXPECT_EQ(dmi.get_read_latency(), ps_to_sc(90 * kPsPerNs));
  dmi.get_dmi_ptr()[0x100] = 0x42;
  std::uint8_t v = 0;
  ddr.store().read(0x100, &v, 1);
  EXPECT_EQ(v, 0x42);
}

TEST(Router, DmiDeniedRangeIsTranslatedAndMissReportsGap) {
  Router bus(router_config());
  DmiInitiator cpu(sc_core::sc_gen_unique_name("cpu"));
  Memory ddr(memory_config());
  cpu.out.bind(bus.in);
  bus.out.bind(ddr.in);
  bus.map(0, kDdrBase, kDdrWindow, "ddr");
  ddr.deny_dmi(0x8000, 0x1000);
  sc_core::sc_start(sc_core::SC_ZERO_TIME);

  tlm::tlm_dmi dmi;
  EXPECT_FALSE(cpu.request(kDdrBase + 0x8010, dmi));
  EXPECT_EQ(dmi.get_start_address(), kDdrBase + 0x8000);
  EXPECT_EQ(dmi.get_end_address(), kDdrBase + 0x8fff);
  ASSERT_TRUE(cpu.request(kDdrBase + 0x9000, dmi));
  EXPECT_EQ(dmi.get_start_address(), kDdrBase + 0x9000);
  std::uint64_t first = 0, last = 0;
  EXPECT_EQ(dmi.get_dmi_ptr(), ddr.store().block(0x9000, first, last) + 0x9000)
      << "pointer must match the translated start";
  EXPECT_FALSE(cpu.request(0x1000, dmi));
  EXPECT_EQ(dmi.get_start_address(), 0u);
  EXPECT_EQ(dmi.get_end_address(), kDdrBase - 1);
}

TEST(Router, InvalidateIsTranslatedAndBroadcastToAllInitiators) {
  Router bus(router_config());
  DmiInitiator cpu0(sc_core::sc_gen_unique_name("cpu"));
  DmiInitiator cpu1(sc_core::sc_gen_unique_name("cpu"));
  FakeTarget dev(sc_core::sc_gen_unique_name("dev"));
  Memory ddr(memory_config());
  cpu0.out.bind(bus.in);
  cpu1.out.bind(bus.in);
  bus.out.bind(dev.in);
  bus.out.bind(ddr.in);
  bus.map(0, kDevBase, kDevSize, "dev");
  bus.map(1, kDdrBase, kDdrWindow, "ddr");
  sc_core::sc_start(sc_core::SC_ZERO_TIME);

  tlm::tlm_dmi dmi;
  ASSERT_TRUE(cpu0.request(kDdrBase, dmi)); // a grant makes the memory invalidate on deny
  ddr.deny_dmi(0x200, 0x100);
  for (const DmiInitiator* cpu : {&cpu0, &cpu1}) {
    ASSERT_EQ(cpu->invalidated.size(), 1u);
    EXPECT_EQ(cpu->invalidated[0].first, kDdrBase + 0x200);
    EXPECT_EQ(cpu->invalidated[0].second, kDdrBase + 0x2ff);
  }
  // A range reaching past the window is clipped to the region.
  ddr.deny_dmi(kDdrWindow - 0x10, 0x100);
  EXPECT_EQ(cpu1.invalidated.back().second, kDdrBase + kDdrWindow - 1);
}

TEST(Router, DescribeNamesEveryRegion) {
  Bench b;
  const std::string text = b.bus.describe();
  EXPECT_NE(text.find("dev -> port 0"), std::string::npos) << text;
  EXPECT_NE(text.find("ddr -> port 1"), std::string::npos) << text;
  EXPECT_THROW(b.bus.region_stats("nothing"), std::invalid_argument);
}

} // namespace
} // namespace sim::models
