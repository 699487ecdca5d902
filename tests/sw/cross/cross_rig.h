// SPDX-License-Identifier: Apache-2.0
#pragma once
// Rig for the cross-stack tests: the Linux model on the fake board's master, the Zephyr image on
// its remote, the image's resource table in memory before time zero (as the boot loader leaves
// it), and helpers to read back shared memory and each side's probes. Log warnings or errors from
// the models (the mailbox core warns on FIFO overflow) fail the test, as sc_gtest_main does for
// the SystemC tests.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "models/common/log.h"
#include "sw/linux/linux.h"
#include "sw/shm/layout.h"
#include "sw/shm/resource_table_image.h"
#include "sw/zephyr/zephyr.h"
#include "tests/support/fake_board.h"

namespace sim::test {

/// A log sink that turns every warning or error into a test failure.
class FailOnWarnings : public log::Sink {
public:
  FailOnWarnings() : previous_(log::set_sink(this)) {}
  ~FailOnWarnings() override { log::set_sink(previous_); }
  FailOnWarnings(const FailOnWarnings&) = delete;
  FailOnWarnings& operator=(const FailOnWarnings&) = delete;
  void write(log::Level level, std::uint64_t time_ps, std::string_view component,
             std::string_view message) override {
    if (level <= log::Level::kWarn)
      ADD_FAILURE() << "unexpected log line: "
                    << log::format_line(level, time_ps, component, message);
  }

private:
  log::Sink* previous_;
};

class CrossRig {
public:
  CrossRig() {
    // The image's table as the reference port builds it: static vring addresses, 8 buffers.
    sw::shm::ZephyrTableParams p;
    p.vring_num = zephyr_options.vring_num;
    p.vring_align = zephyr_options.vring_align;
    p.vring0_da = static_cast<std::uint32_t>(zephyr_options.vring0);
    p.vring1_da = static_cast<std::uint32_t>(zephyr_options.vring1);
    board.load(zephyr_options.rsc_table, sw::shm::ResourceTableImage::zephyr(p).bytes());
  }

  /// Boots both images at time zero (the remote's main first, then Linux's init thread).
  void boot(std::vector<sw::lnx::RpmsgDriver*> drivers, std::vector<sw::zephyr::ZephyrApp*> apps) {
    drivers_ = std::move(drivers);
    apps_ = std::move(apps);
    board.boot(Side::kRemote, {"main", 0, false, 0}, [this](hal::Hal& hal) {
      sw::zephyr::boot(hal, board.info(Side::kRemote), zephyr_options, apps_, zephyr_status);
    });
    board.boot(Side::kMaster, {"init", 0, false, 0}, [this](hal::Hal& hal) {
      sw::lnx::boot(hal, board.info(Side::kMaster), linux_options, drivers_, linux_status);
    });
  }

  std::vector<FakeHal::Probe> probes(Side side, hal::ProbeKind kind) {
    std::vector<FakeHal::Probe> out;
    for (const FakeHal::Probe& p : board.hal(side).probes())
      if (p.kind == kind) out.push_back(p);
    return out;
  }
  const std::string& console(Side side) { return board.hal(side).console_output(); }
  /// Address of the vdev status byte in the remote's table.
  std::uint64_t status_addr() const {
    return zephyr_options.rsc_table + sw::shm::rsc::ZephyrTableLayout{1}.status();
  }
  /// Neither cluster panicked (a HAL panic or an exception escaping a thread).
  void expect_no_panic() {
    EXPECT_EQ(board.os(Side::kMaster).panic_reason(), "");
    EXPECT_EQ(board.os(Side::kRemote).panic_reason(), "");
  }

  FailOnWarnings fail_on_warnings;
  FakeBoard board;
  sw::lnx::LinuxOptions linux_options;
  sw::lnx::LinuxStatus linux_status;
  sw::zephyr::ZephyrOptions zephyr_options;
  sw::zephyr::ZephyrStatus zephyr_status;

private:
  std::vector<sw::lnx::RpmsgDriver*> drivers_;
  std::vector<sw::zephyr::ZephyrApp*> apps_;
};

inline bool contains(const std::string& text, const std::string& what) {
  return text.find(what) != std::string::npos;
}

} // namespace sim::test
