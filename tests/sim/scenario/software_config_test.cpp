// SPDX-License-Identifier: Apache-2.0
#include "sim/scenario/software_config.h"

#include <gtest/gtest.h>

#include "sim/scenario/scenario.h"

namespace sim::app {
namespace {

const std::string kScenario = std::string(IPCSIM_SOURCE_DIR) + "/scenarios/basic/shared_flag.yaml";

Scenario load_with(const std::string& set) {
  LoadOptions o;
  o.sets = {set};
  return load_scenario(kScenario, o);
}

config::ConfigError error_with(const std::string& set) {
  try {
    load_with(set);
  } catch (const config::ConfigError& e) {
    return e;
  }
  ADD_FAILURE() << "no error for --set " << set;
  return config::ConfigError({}, "", "");
}

TEST(SoftwareConfig, BoardDefaultsAreTheReferencePorts) {
  Scenario sc = load_scenario(kScenario);
  EXPECT_EQ(sc.master.kernel.kernel, "5.10");
  EXPECT_EQ(sc.master.kernel.mbox_tx_queue_len, 20u);
  EXPECT_EQ(sc.remote.image.release, "v2024.05");
  EXPECT_TRUE(sc.remote.image.dcache);
  EXPECT_EQ(sc.remote.image.rsc_table, 0x200c63b8u);
  EXPECT_EQ(sc.remote.image.vring_num, 8u);
  EXPECT_EQ(sc.remote.image.vring_align, 16u);
  EXPECT_EQ(sc.remote.image.vring0, 0x200c8000u);
  EXPECT_EQ(sc.remote.image.vring1, 0x200c9000u);
}

TEST(SoftwareConfig, ScenarioOverridesSoftwareKeysBySide) {
  EXPECT_FALSE(load_with("remote.openamp.dcache=false").remote.image.dcache);
  EXPECT_EQ(load_with("remote.resource_table.vring0=any").remote.image.vring0, 0xffffffffu);
  EXPECT_EQ(load_with("master.mailbox.tx_queue_len=4").master.kernel.mbox_tx_queue_len, 4u);
}

TEST(SoftwareConfig, UnmodelledKernelIsAnError) {
  config::ConfigError e = error_with("master.kernel=6.1");
  EXPECT_EQ(e.path(), "master.kernel");
  EXPECT_NE(std::string(e.what()).find("'6.1' is not one of: 5.10"), std::string::npos) << e.what();
}

TEST(SoftwareConfig, VringNumMustBeAPowerOfTwo) {
  EXPECT_EQ(error_with("remote.resource_table.vring_num=12").path(),
            "remote.resource_table.vring_num");
}

TEST(SoftwareConfig, TableOutsideMemoryIsAnError) {
  EXPECT_EQ(error_with("remote.resource_table.address=0x10000000").path(),
            "remote.resource_table.address");
}

TEST(SoftwareConfig, TypoInSoftwareSectionIsReported) {
  config::ConfigError e = error_with("remote.openamp.dcahce=false");
  EXPECT_EQ(e.path(), "remote.openamp.dcahce");
  EXPECT_NE(std::string(e.what()).find("did you mean 'dcache'"), std::string::npos);
}

TEST(SoftwareConfig, RemoteMaintenanceStepsByTheBoardsCacheLine) {
  EXPECT_EQ(load_scenario(kScenario).remote.image.dcache_line, 64u);
  EXPECT_EQ(load_with("clusters.remote.dcache.line=32B").remote.image.dcache_line, 32u);
}

TEST(SoftwareConfig, TimeoutsAndLogLevelReachTheStacks) {
  EXPECT_EQ(load_with("remote.tx_buffer_timeout=50ms").remote.image.tx_buffer_timeout,
            50 * hal::kMs);
  EXPECT_EQ(load_with("master.send_timeout=1s").master.kernel.send_timeout, hal::kSec);
  EXPECT_EQ(load_with("master.console_loglevel=4").master.kernel.console_loglevel, 4);
  EXPECT_EQ(error_with("master.console_loglevel=9").path(), "master.console_loglevel");
}

TEST(SoftwareConfig, NotifyWaitNeedsARecentRelease) {
  EXPECT_TRUE(load_with("remote.openamp.notify_wait=true").remote.image.notify_wait);
  LoadOptions o;
  o.sets = {"remote.openamp.release=v2023.10", "remote.openamp.notify_wait=true"};
  try {
    load_scenario(kScenario, o);
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "remote.openamp.notify_wait");
    EXPECT_NE(std::string(e.what()).find("v2024.05 or later"), std::string::npos);
  }
}

TEST(SoftwareConfig, KernelCoreMustExist) {
  config::ConfigError e = error_with("master.core=5");
  EXPECT_EQ(e.path(), "master.core");
  EXPECT_NE(std::string(e.what()).find("the master cluster has 2 cores"), std::string::npos);
}

TEST(SoftwareConfig, TableRunningPastTheEndOfMemoryIsAnError) {
  // 88 bytes fit below the end of ddr_main (0xa0000000); with the trace entry the table does not.
  EXPECT_EQ(load_with("remote.resource_table.address=0x9fffffa0").remote.image.rsc_table,
            0x9fffffa0u);
  LoadOptions o;
  o.sets = {"remote.resource_table.address=0x9fffffa0", "remote.resource_table.ram_console=true"};
  try {
    load_scenario(kScenario, o);
    FAIL();
  } catch (const config::ConfigError& e) {
    EXPECT_EQ(e.path(), "remote.resource_table.address");
    EXPECT_NE(std::string(e.what()).find("runs past the end of memory bank ddr_main"),
              std::string::npos);
  }
}

TEST(SoftwareConfig, ZephyrReleasesModelled) {
  EXPECT_EQ(load_scenario(kScenario).remote.image.zephyr, "3.7");
  EXPECT_EQ(load_with("remote.zephyr=\"3.3\"").remote.image.zephyr, "3.3");
  const config::ConfigError e = error_with("remote.zephyr=\"3.5\"");
  EXPECT_EQ(e.path(), "remote.zephyr");
  EXPECT_NE(e.message().find("'3.5' is not one of: 3.7, 3.6, 3.3"), std::string::npos)
      << e.message();
}

TEST(SoftwareConfig, TheZephyrVersionPicksHowTheSampleLogsUnlessTheModeIsGiven) {
  using sw::zephyr::logging::Mode;
  // 3.7's sample logs with LOG_INF in deferred mode; 3.6's and 3.3's print with printk.
  EXPECT_EQ(load_scenario(kScenario).remote.image.logging.mode, Mode::kDeferred);
  EXPECT_EQ(load_with("remote.zephyr=\"3.6\"").remote.image.logging.mode, Mode::kPrintk);
  EXPECT_EQ(load_with("remote.zephyr=\"3.3\"").remote.image.logging.mode, Mode::kPrintk);
  LoadOptions o;
  o.sets = {"remote.zephyr=\"3.6\"", "remote.logging.mode=deferred"};
  EXPECT_EQ(load_scenario(kScenario, o).remote.image.logging.mode, Mode::kDeferred);
  o.sets = {"remote.logging.mode=minimal"};
  EXPECT_EQ(load_scenario(kScenario, o).remote.image.logging.mode, Mode::kMinimal);
}

TEST(SoftwareConfig, TheDeclaredDefaultsAreTheStacksOptionDefaults) {
  const models::BoardConfig board = load_scenario(kScenario).board;
  const config::ConfigValue empty;
  const MasterSoftware m = parse_master_software(config::ConfigNode(empty, "master"), board);
  const sw::lnx::LinuxOptions l;
  EXPECT_EQ(m.kernel.kernel, l.kernel);
  EXPECT_EQ(m.kernel.mbox_tx_queue_len, l.mbox_tx_queue_len);
  EXPECT_EQ(m.kernel.console, l.console);
  EXPECT_EQ(m.kernel.console_loglevel, l.console_loglevel);
  EXPECT_EQ(m.kernel.send_timeout, l.send_timeout);
  EXPECT_EQ(m.kernel.core, l.core);
  const RemoteSoftware r = parse_remote_software(config::ConfigNode(empty, "remote"), board);
  const sw::zephyr::ZephyrOptions z;
  EXPECT_EQ(r.image.zephyr, z.zephyr);
  EXPECT_EQ(r.image.release, z.release);
  EXPECT_EQ(r.image.dcache, z.dcache);
  EXPECT_EQ(r.image.notify_wait, z.notify_wait);
  EXPECT_EQ(r.image.rsc_table, z.rsc_table);
  EXPECT_EQ(r.image.vring_num, z.vring_num);
  EXPECT_EQ(r.image.vring_align, z.vring_align);
  EXPECT_EQ(r.image.vring0, z.vring0);
  EXPECT_EQ(r.image.vring1, z.vring1);
  EXPECT_EQ(r.image.ram_console, z.ram_console);
  EXPECT_EQ(r.image.console, z.console);
  EXPECT_EQ(r.image.tx_buffer_timeout, z.tx_buffer_timeout);
  EXPECT_EQ(r.image.logging.mode, z.logging.mode);
  EXPECT_EQ(r.image.logging.level, z.logging.level);
  EXPECT_EQ(r.image.logging.buffer_size, z.logging.buffer_size);
  EXPECT_EQ(r.image.logging.trigger_threshold, z.logging.trigger_threshold);
  EXPECT_EQ(r.image.logging.thread_sleep, z.logging.thread_sleep);
  EXPECT_EQ(r.image.logging.thread_priority, z.logging.thread_priority);
  EXPECT_EQ(r.image.logging.colors, z.logging.colors);
  EXPECT_EQ(r.image.logging.package_cycles, z.logging.package_cycles);
}

} // namespace
} // namespace sim::app
