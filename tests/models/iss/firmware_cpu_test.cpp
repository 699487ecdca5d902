// SPDX-License-Identifier: Apache-2.0
// Real firmware on the remote cluster of the reference board: firmware/probe/iss_probe.c, built
// with firmware/bsp, boots on the ISS core, prints on UART0, sleeps in WFI until the virtual
// timer fires, takes the mailbox interrupt the master's driver raises through the GICv3, and
// leaves results in the vdev0buffer carve-out through the remote D-cache. One simulation per
// TEST (gtest_discover_tests runs each in its own process).
#include "models/iss/firmware_cpu.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "models/platform/iss_map.h"
#include "models/platform/platform.h"
#include "sim/artefacts/firmware_elf.h"
#include "sw/drivers/tcc_mbox.h"
#include "tests/support/log_capture.h"

namespace sim::models::iss {
namespace {

constexpr std::uint64_t kResults = 0x200ca000;
constexpr std::uint64_t kUncleaned = 0x200ca040;

BoardConfig reference_board() {
  std::ifstream in(std::string(IPCSIM_CONFIGS_DIR) + "/tcc807x.yaml");
  std::stringstream text;
  text << in.rdbuf();
  BoardConfig board =
      parse_board(config::ConfigNode(config::load_string(text.str(), "tcc807x.yaml"), ""));
  ClusterBoardConfig& remote = board.cluster(Side::kRemote);
  remote.core.model = CoreModel::kIss;
  remote.core.gicd = 0x17600000;
  remote.core.gicr = 0x17680000;
  return board;
}

/// The firmware's private segments, as the runner loads them (the probe has none elsewhere).
FirmwareLoad load_probe(const std::string& name, const artefacts::FirmwareImage*& keep) {
  static std::vector<std::unique_ptr<artefacts::FirmwareImage>> images;
  images.push_back(std::make_unique<artefacts::FirmwareImage>(
      artefacts::load_firmware(std::string(IPCSIM_FIRMWARE_DIR) + "/" + name + ".elf")));
  keep = images.back().get();
  FirmwareLoad load;
  load.entry = keep->entry;
  for (const artefacts::ElfSegment& s : keep->segments)
    if (!s.bytes.empty()) load.segments.push_back({s.address, s.bytes});
  load.symbolize = [image = keep](std::uint64_t pc) { return image->symbolize(pc); };
  return load;
}

std::uint32_t dram32(Platform& p, std::uint64_t addr) {
  std::uint32_t v = 0;
  p.memory(0).store().read(addr - p.board().memory[0].base, reinterpret_cast<std::uint8_t*>(&v), 4);
  return v;
}

struct Probe {
  BoardConfig board = reference_board();
  Platform platform{"platform", board, 1};
  const artefacts::FirmwareImage* image = nullptr;
  std::unique_ptr<FirmwareCpu> cpu;

  explicit Probe(const std::string& firmware) {
    cpu = std::make_unique<FirmwareCpu>(
        platform.cluster(Side::kRemote), platform.irq(Side::kRemote),
        firmware_cpu_config(board, Side::kRemote), load_probe(firmware, image));
    platform.cluster(Side::kRemote).boot({"firmware", 0, false, 0}, [this](hal::Hal&) {
      cpu->run();
    });
    // The master sends one command word at 200 us, as Linux's mailbox driver would.
    const std::uint64_t terminal = board.mailbox.terminal(Side::kMaster).base;
    platform.cluster(Side::kMaster).boot({"sender", 0, false, 0}, [terminal](hal::Hal& hal) {
      sw::TccMbox mbox(hal, terminal);
      mbox.startup();
      hal.sleep(200 * hal::kUs);
      const std::uint32_t word = 0xcafe;
      EXPECT_EQ(mbox.send(&word, 1), 0);
    });
  }
};

TEST(FirmwareCpu, TheProbeBootsSleepsTakesTheTimerAndTheMailboxInterruptAndWritesThroughTheCache) {
  Probe probe("iss_probe");
  sc_core::sc_start(sc_core::sc_time(5, sc_core::SC_MS));
  Platform& p = probe.platform;
  ASSERT_FALSE(p.cluster(Side::kRemote).panic_info().has_value())
      << p.cluster(Side::kRemote).panic_info()->context;
  const std::string& console = p.uart(Side::kRemote)->output();
  EXPECT_NE(console.find("iss-probe: boot\n"), std::string::npos) << console;
  EXPECT_NE(console.find("iss-probe: done after"), std::string::npos) << console;

  // The cleaned line reached DRAM: one timer interrupt at 1 ms of 24 MHz ticks (plus the
  // interrupt's way in), one mailbox interrupt with the master's word.
  EXPECT_EQ(dram32(p, kResults), 0x15500001u);
  EXPECT_EQ(dram32(p, kResults + 4), 1u);
  EXPECT_EQ(dram32(p, kResults + 8), 1u);
  EXPECT_EQ(dram32(p, kResults + 12), 0xcafeu);
  const std::uint32_t ticks = dram32(p, kResults + 16);
  EXPECT_GE(ticks, 24000u);
  EXPECT_LT(ticks, 24000u + 240u); // within 10 us
  // The uncleaned line is only in the remote's D-cache, dirty; DRAM never saw the value.
  EXPECT_TRUE(p.dcache(Side::kRemote).is_dirty(kUncleaned));
  EXPECT_NE(dram32(p, kUncleaned), 0x5a5a5a5au);

  const FirmwareCpuStats& s = probe.cpu->stats();
  EXPECT_GE(s.irqs_taken, 2u);
  EXPECT_GE(s.wfi_sleeps, 3u); // until the mailbox, until the timer, and the last one

  EXPECT_GE(s.dc_ops, 1u);
  EXPECT_GT(s.shared_writes, 0u);
  EXPECT_GT(s.device_writes, 16u); // the UART characters at least
  // The core slept until the timer (the last sleep, to the end of the run, is still going on):
  // WFI costs no instructions.
  EXPECT_GT(s.sleep_ps, 900 * kPsPerUs);
  EXPECT_LT(s.instructions, 2000000u);
}

TEST(FirmwareCpu, WithTheCarveOutsMappedNonCacheableEveryWriteReachesMemory) {
  Probe probe("iss_probe_nc");
  sc_core::sc_start(sc_core::sc_time(5, sc_core::SC_MS));
  Platform& p = probe.platform;
  ASSERT_FALSE(p.cluster(Side::kRemote).panic_info().has_value());
  EXPECT_EQ(dram32(p, kResults), 0x15500001u);
  EXPECT_EQ(dram32(p, kUncleaned), 0x5a5a5a5au);
  EXPECT_FALSE(p.dcache(Side::kRemote).contains(kUncleaned));
}

TEST(FirmwareCpu, ALoadFromNoMappingIsAPanicWithFarEsrAndTheFunction) {
  test::LogCapture::instance().expect(log::Level::kWarn,
                                      "panic: firmware_exception at 0x40000000 in firmware");
  Probe probe("iss_probe_fault");
  sc_core::sc_start(sc_core::sc_time(5, sc_core::SC_MS));
  Platform& p = probe.platform;
  const auto& panic = p.cluster(Side::kRemote).panic_info();
  ASSERT_TRUE(panic.has_value());
  EXPECT_EQ(panic->kind, "firmware_exception");
  EXPECT_EQ(panic->address, 0x40000000u);
  EXPECT_NE(panic->context.find("data abort at"), std::string::npos) << panic->context;
  EXPECT_NE(panic->context.find("(main+0x"), std::string::npos) << panic->context;
  // Level 1 translation fault (DFSC 0x05), a read, EC 0x25.
  EXPECT_NE(panic->context.find("ESR_EL1 0x96000005"), std::string::npos) << panic->context;
  EXPECT_NE(panic->context.find("FAR_EL1 0x40000000"), std::string::npos) << panic->context;
  // The results were written before the fault; the master is unaffected.
  EXPECT_EQ(dram32(p, kResults), 0x15500001u);
  EXPECT_FALSE(p.cluster(Side::kMaster).panic_info().has_value());
}

TEST(FirmwareCpu, APollOnSharedMemoryIsSleptThroughUntilThePeerWrites) {
  BoardConfig board = reference_board();
  Platform p("platform", board, 1);
  const artefacts::FirmwareImage* image = nullptr;
  FirmwareCpu cpu(p.cluster(Side::kRemote), p.irq(Side::kRemote),
                  firmware_cpu_config(board, Side::kRemote), load_probe("iss_probe_poll", image));
  p.cluster(Side::kRemote).boot({"firmware", 0, false, 0}, [&cpu](hal::Hal&) { cpu.run(); });
  // The master (non-cacheable) writes the word the firmware waits for after 2 ms.
  hal::SimTime written_at = 0;
  p.cluster(Side::kMaster).boot({"writer", 0, false, 0}, [&written_at](hal::Hal& hal) {
    hal.sleep(2 * hal::kMs);
    hal.write32(0x200ca080, 7);
    written_at = hal.now();
  });
  sc_core::sc_start(sc_core::sc_time(5, sc_core::SC_MS));
  ASSERT_FALSE(p.cluster(Side::kRemote).panic_info().has_value());
  EXPECT_EQ(dram32(p, kResults), 0x15500002u);
  EXPECT_EQ(dram32(p, kResults + 12), 7u);
  // Seen within a microsecond of the write (24 ticks of 24 MHz), although the core slept
  // through the poll instead of spinning: few instructions for 2 ms of waiting.
  const std::uint64_t seen_ps = std::uint64_t{dram32(p, kResults + 16)} * kPsPerS / 24000000;
  ASSERT_GT(written_at, 2 * kPsPerMs);
  EXPECT_GE(seen_ps + kPsPerUs / 24, written_at); // a tick's rounding
  EXPECT_LE(seen_ps, written_at + kPsPerUs);
  EXPECT_GE(cpu.stats().polls_skipped, 1u);
  EXPECT_LT(cpu.stats().instructions, 100000u);
}

} // namespace
} // namespace sim::models::iss
