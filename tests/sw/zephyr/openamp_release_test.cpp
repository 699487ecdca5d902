// SPDX-License-Identifier: Apache-2.0
// OpenAMP release presets: the behaviour table and the error for an unknown release.
#include <gtest/gtest.h>

#include <stdexcept>

#include "sw/zephyr/openamp_release.h"
#include "sw/zephyr/zephyr.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

TEST(OpenampRelease, OnlyV2021_10InvalidatesRingZeroInsteadOfTheHead) {
  EXPECT_TRUE(openamp_release("v2021.10").avail_ring_invalidate_before_head);
  for (const char* r : {"v2022.04", "v2023.04", "v2023.10", "v2024.05", "v2024.10"})
    EXPECT_FALSE(openamp_release(r).avail_ring_invalidate_before_head) << r;
}

TEST(OpenampRelease, FixesArriveInTheirReleases) {
  const OpenampRelease& r2204 = openamp_release("v2022.04");
  EXPECT_TRUE(r2204.null_buffer_invalidate);
  EXPECT_FALSE(r2204.invalidate_on_rx_return);
  EXPECT_FALSE(r2204.rsc_table_invalidate);

  const OpenampRelease& r2304 = openamp_release("v2023.04");
  EXPECT_FALSE(r2304.null_buffer_invalidate);
  EXPECT_TRUE(r2304.invalidate_on_rx_return);
  EXPECT_TRUE(r2304.kick_on_release);
  EXPECT_FALSE(r2304.rsc_table_invalidate);
  EXPECT_FALSE(r2304.hold_counter);

  const OpenampRelease& r2310 = openamp_release("v2023.10");
  EXPECT_TRUE(r2310.rsc_table_invalidate);
  EXPECT_TRUE(r2310.hold_counter);
  EXPECT_FALSE(r2310.notify_wait_cb);

  EXPECT_TRUE(openamp_release("v2024.05").notify_wait_cb);
  EXPECT_FALSE(openamp_release("v2024.05").kick_per_rx_buffer);
  EXPECT_TRUE(openamp_release("v2024.10").kick_per_rx_buffer);
}

TEST(OpenampRelease, ZephyrDefaultIsAPreset) {
  EXPECT_STREQ(openamp_release(ZephyrOptions{}.release).name, "v2024.05");
  EXPECT_EQ(openamp_releases().size(), 6u);
}

TEST(OpenampRelease, UnknownReleaseListsTheValidOnes) {
  try {
    openamp_release("v2020.04");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("v2020.04"), std::string::npos);
    EXPECT_NE(what.find("v2021.10, v2022.04, v2023.04, v2023.10, v2024.05, v2024.10"),
              std::string::npos)
        << what;
  }
}

TEST(OpenampRelease, BootRejectsAnUnknownReleaseBeforeTouchingHardware) {
  test::FakeHal hal("remote");
  ZephyrOptions options;
  options.release = "v2099.01";
  ZephyrStatus status;
  EXPECT_THROW(boot(hal, PlatformInfo{}, options, {}, status), std::invalid_argument);
  EXPECT_TRUE(hal.accesses().empty());
}

} // namespace
} // namespace sim::sw::zephyr
