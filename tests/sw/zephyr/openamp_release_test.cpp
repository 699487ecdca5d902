// SPDX-License-Identifier: Apache-2.0
// OpenAMP release presets: the behaviour table and the error for an unknown release.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <stdexcept>

#include "sw/zephyr/openamp_release.h"
#include "sw/zephyr/zephyr.h"
#include "tests/support/fake_hal.h"

namespace sim::sw::zephyr {
namespace {

TEST(OpenampRelease, FeaturesAreListedInTheirEnumOrder) {
  const auto& all = openamp_features();
  for (std::size_t i = 0; i < all.size(); ++i)
    EXPECT_EQ(static_cast<std::size_t>(all[i].feature), i) << all[i].key;
}

TEST(OpenampRelease, EachReleaseHasTheFeaturesItsSourcesShow) {
  // Written out per release, as read in the release archives (function by function), rather
  // than derived from the features' since/until: a misdated feature fails here.
  const std::map<std::string, std::set<std::string>> expected = {
      {"v2021.10", {"avail_ring_invalidate_before_head", "null_buffer_invalidate"}},
      {"v2022.04", {"null_buffer_invalidate"}},
      {"v2022.10", {"null_buffer_invalidate", "kick_on_release", "consumed_bound_inclusive"}},
      {"v2023.04", {"kick_on_release", "consumed_bound_inclusive", "invalidate_on_rx_return"}},
      {"v2023.10",
       {"kick_on_release", "consumed_bound_inclusive", "invalidate_on_rx_return",
        "rsc_table_invalidate"}},
      {"v2024.05",
       {"kick_on_release", "consumed_bound_inclusive", "invalidate_on_rx_return",
        "rsc_table_invalidate", "hold_counter", "kick_per_rx_buffer", "notify_wait_cb",
        "notify_wait_breaks_on_success", "split_desc_invalidate", "endpoint_address_after_last",
        "vdev_device_id"}},
      {"v2024.10",
       {"kick_on_release", "consumed_bound_inclusive", "invalidate_on_rx_return",
        "rsc_table_invalidate", "hold_counter", "kick_per_rx_buffer", "notify_wait_cb",
        "split_desc_invalidate", "endpoint_address_after_last", "rx_empty_notify_option",
        "vdev_device_id"}},
  };
  ASSERT_EQ(openamp_releases().size(), expected.size());
  for (const OpenampRelease& r : openamp_releases()) {
    const std::set<std::string>& want = expected.at(r.name());
    for (const FeatureInfo& f : openamp_features())
      EXPECT_EQ(r.has(f.feature), want.count(f.key) == 1) << f.key << " in " << r.name();
  }
}

TEST(OpenampRelease, ZephyrDefaultIsAPreset) {
  EXPECT_EQ(openamp_release(ZephyrOptions{}.release).name(), "v2024.05");
}

TEST(OpenampRelease, UnknownReleaseListsTheValidOnes) {
  try {
    openamp_release("v2020.04");
    FAIL() << "no exception";
  } catch (const std::invalid_argument& e) {
    const std::string what = e.what();
    EXPECT_NE(what.find("v2020.04"), std::string::npos);
    EXPECT_NE(what.find("v2021.10, v2022.04, v2022.10, v2023.04, v2023.10, v2024.05, v2024.10"),
              std::string::npos)
        << what;
  }
}

TEST(OpenampRelease, AFeatureSwitchedOverAReleaseSaysSoInItsName) {
  const OpenampRelease r = openamp_release("v2024.05", {{"kick_per_rx_buffer", false}});
  EXPECT_FALSE(r.has(Feature::kKickPerRxBuffer));
  EXPECT_TRUE(r.has(Feature::kHoldCounter));
  EXPECT_EQ(r.name(), "v2024.05 -kick_per_rx_buffer");
  // Switching a feature to what the release has already changes nothing.
  EXPECT_EQ(openamp_release("v2024.05", {{"hold_counter", true}}).name(), "v2024.05");
  EXPECT_THROW(openamp_release("v2024.05", {{"kick_per_buffer", false}}), std::invalid_argument);
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
