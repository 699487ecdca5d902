// SPDX-License-Identifier: Apache-2.0
#pragma once
// The reference board (configs/tcc807x.yaml) as a SystemC platform for software tests: software
// runs on the real models (caches, mailbox, UARTs, OS model), one simulation per test process.
// `sets` override board keys like `--set` does. The remote image's resource table can be placed
// in DRAM before time zero, as the boot loader leaves it.

#include <memory>
#include <string>
#include <vector>

#include "models/common/config/config_node.h"
#include "models/platform/board_config.h"
#include "models/platform/platform.h"
#include "sim/scenario/device_tree_view.h"
#include "sw/hal/hal.h"
#include "sw/shm/resource_table_image.h"

#ifndef IPCSIM_SOURCE_DIR
#error "platform_fixture.h needs IPCSIM_SOURCE_DIR (set by tests/CMakeLists.txt)"
#endif

namespace sim::test {

class PlatformFixture {
public:
  explicit PlatformFixture(const std::vector<std::pair<std::string, std::string>>& sets = {},
                           std::uint64_t seed = 1)
      : seed_(seed) {
    config::ConfigValue doc =
        config::load_file(std::string(IPCSIM_SOURCE_DIR) + "/configs/tcc807x.yaml");
    config::SourceLoc where;
    where.file = std::make_shared<const std::string>("test");
    for (const auto& [key, value] : sets)
      config::set_path(doc, key, config::load_string(value, "test"), where);
    board_ = models::parse_board(config::ConfigNode(doc, ""));
    platform_ = std::make_unique<models::Platform>("platform", board_, seed);
  }

  models::Platform& platform() { return *platform_; }
  const models::BoardConfig& board() const { return board_; }
  hal::Hal& hal(Side side) { return platform_->cluster(side); }
  sw::PlatformInfo info(Side side) const { return app::device_tree_view(board_, side, seed_); }

  /// Writes bytes straight into DRAM (no cache), e.g. a resource table image.
  void load(std::uint64_t addr, const std::vector<std::uint8_t>& bytes) {
    const models::MemoryBankConfig& bank = board_.memory.at(0);
    platform_->memory(0).load_bytes(addr - bank.base, bytes.data(), bytes.size());
  }
  /// Places Zephyr's resource table (default: the reference port's) at `addr`.
  void load_zephyr_table(std::uint64_t addr = 0x200c63b8,
                         sw::shm::ZephyrTableParams params = reference_table()) {
    load(addr, sw::shm::ResourceTableImage::zephyr(params).bytes());
  }
  static sw::shm::ZephyrTableParams reference_table() {
    sw::shm::ZephyrTableParams p;
    p.vring0_da = 0x200c8000;
    p.vring1_da = 0x200c9000;
    return p;
  }

  void boot(Side side, const hal::ThreadSpec& spec, std::function<void(hal::Hal&)> entry) {
    platform_->cluster(side).boot(spec, std::move(entry));
  }
  void run(sc_core::sc_time until) { sc_core::sc_start(until); }
  /// Unwinds the software still waiting (models::unwind_software), once; a rig whose threads
  /// point into its own members calls it before those go.
  void unwind() {
    if (unwound_) return;
    unwound_ = true;
    std::vector<models::Cluster*> clusters;
    for (std::size_t i = 0; i < platform_->clusters(); ++i)
      clusters.push_back(&platform_->cluster_at(i));
    models::unwind_software(clusters);
  }
  ~PlatformFixture() { unwind(); }
  PlatformFixture(const PlatformFixture&) = delete;
  PlatformFixture& operator=(const PlatformFixture&) = delete;
  std::string console(Side side) {
    models::Uart* u = platform_->uart(side);
    return u != nullptr ? u->output() : std::string();
  }

private:
  std::uint64_t seed_;
  models::BoardConfig board_;
  std::unique_ptr<models::Platform> platform_;
  bool unwound_ = false;
};

} // namespace sim::test
