// SPDX-License-Identifier: Apache-2.0
#pragma once
// OpenAMP release presets: what changed between the releases Zephyr shipped, as named features
// the remote model consults (rpmsg-protocol.md §6.5, §6.6, §8; DESIGN §4). Each feature says the
// release that introduced it, the release that removed or fixed it, the commit, and the file and
// function it changes; a release is the set of features in effect at its tag. Every cell was
// checked against the release archives in shared/third_party (open-amp-vYYYY.MM.0, function by
// function). Releases from v2021.10 on have the vring and buffer cache operations (PR #293);
// whether they run at all is CONFIG_OPENAMP_WITH_DCACHE (ZephyrOptions::dcache), not the release.
//
// A scenario can switch single features on or off over its release
// (`software.remote.openamp.features`), to ask what one change does on its own.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace sim::sw::zephyr {

enum class Feature : std::uint8_t {
  kAvailRingInvalidateBeforeHead,
  kNullBufferInvalidate,
  kKickOnRelease,
  kConsumedBoundInclusive,
  kInvalidateOnRxReturn,
  kRscTableInvalidate,
  kHoldCounter,
  kKickPerRxBuffer,
  kNotifyWaitCb,
  kNotifyWaitBreaksOnSuccess,
  kSplitDescInvalidate,
  kEndpointAddressAfterLast,
  kRxEmptyNotifyOption,
  kVdevDeviceId,
};
inline constexpr std::size_t kFeatureCount = 14;

/// What a feature is and when it was in OpenAMP.
struct FeatureInfo {
  Feature feature;
  const char* key;   ///< its name in `openamp.features` and the docs
  const char* since; ///< the first release that has it
  const char* until; ///< the first release that no longer has it ("" for none)
  const char* commit;
  const char* where; ///< file and function in open-amp
  const char* what;
};

/// Every feature, in the order of the table in docs/models/openamp-releases.md.
const std::array<FeatureInfo, kFeatureCount>& openamp_features();
const FeatureInfo& feature_info(Feature f);

/// One release, or a release with single features switched.
class OpenampRelease {
public:
  OpenampRelease(std::string name, std::array<bool, kFeatureCount> features)
      : name_(std::move(name)), features_(features) {}
  const std::string& name() const { return name_; }
  bool has(Feature f) const { return features_[static_cast<std::size_t>(f)]; }
  /// This release with `f` on or off (a what-if; the name says so).
  OpenampRelease with(Feature f, bool on) const;

private:
  std::string name_;
  std::array<bool, kFeatureCount> features_;
};

/// The preset called `name` ("v2024.05"); throws std::invalid_argument naming the valid ones.
const OpenampRelease& openamp_release(const std::string& name);
/// The preset with the features in `overrides` (by key) switched; throws std::invalid_argument
/// for an unknown key.
OpenampRelease openamp_release(const std::string& name,
                               const std::map<std::string, bool>& overrides);
/// Every preset, oldest first.
const std::vector<OpenampRelease>& openamp_releases();
/// "v2021.10, v2022.04, ..." for messages.
std::string openamp_release_names();
/// The feature keys, for messages and the configuration's declarations.
std::vector<std::string> openamp_feature_keys();

} // namespace sim::sw::zephyr
