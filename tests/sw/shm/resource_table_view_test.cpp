// SPDX-License-Identifier: Apache-2.0
// ResourceTableView / VdevView over FakeHal: values from the image, one access of the field's
// width.
#include <gtest/gtest.h>

#include "sw/shm/resource_table_image.h"
#include "sw/shm/resource_table_view.h"
#include "tests/support/fake_hal.h"
#include "tests/sw/shm/access_matchers.h"

namespace sim::sw::shm {
namespace {

using test::FakeHal;
using Kind = FakeHal::AccessKind;

constexpr hal::Addr kTable = 0x200c63b8; // rsc-table region + tcc,rsc-offset on the port

class ResourceTableViewTest : public ::testing::Test {
protected:
  void SetUp() override {
    ZephyrTableParams p;
    p.vring0_da = 0x200c8000;
    p.vring1_da = 0x200c9000;
    hal_.poke_bytes(kTable, ResourceTableImage::zephyr(p).bytes());
    hal_.clear_accesses();
  }
  FakeHal hal_;
  ResourceTableView table_{hal_, kTable};
};

TEST_F(ResourceTableViewTest, ReadsHeaderAndEntryType) {
  EXPECT_EQ(table_.ver(), 1u);
  EXPECT_EQ(table_.num(), 1u);
  EXPECT_EQ(table_.reserved(1), 0u);
  EXPECT_EQ(table_.entry_offset(0), 0x14u);
  hal_.clear_accesses();
  EXPECT_EQ(table_.entry_type(0), rsc::kVdev);
  ASSERT_EQ(hal_.accesses().size(), 2u);
  EXPECT_EQ(hal_.accesses()[1].addr, kTable + 0x14);
}

TEST_F(ResourceTableViewTest, VdevFieldsReadBackTheZephyrValues) {
  VdevView vdev = table_.vdev(0x14);
  EXPECT_EQ(vdev.type(), rsc::kVdev);
  EXPECT_EQ(vdev.id(), rsc::kVirtioIdRpmsg);
  EXPECT_EQ(vdev.dfeatures(), rsc::kFeatureNs);
  EXPECT_EQ(vdev.num_of_vrings(), 2u);
  EXPECT_EQ(vdev.vring(0).da(), 0x200c8000u);
  EXPECT_EQ(vdev.vring(1).da(), 0x200c9000u);
  EXPECT_EQ(vdev.vring(1).align(), 16u);
  EXPECT_EQ(vdev.vring(1).num(), 8u);
  EXPECT_EQ(vdev.vring(1).notifyid(), 1u);
  EXPECT_EQ(vdev.vring(1).pa(), 0u);
  EXPECT_EQ(vdev.config(2), kTable + 0x58);
}

TEST_F(ResourceTableViewTest, StatusIsASingleByteAccessAt0x2C) {
  VdevView vdev = table_.vdev(table_.entry_offset(0));
  hal_.clear_accesses();
  vdev.set_status(rsc::kStatusAcknowledge | rsc::kStatusDriver | rsc::kStatusDriverOk);
  test::expect_single_access(hal_, kTable + 0x2C, 1, Kind::kWrite);
  EXPECT_EQ(vdev.status(), 7u);
  test::expect_single_access(hal_, kTable + 0x2C, 1, Kind::kRead);
  EXPECT_EQ(hal_.peek(kTable + 0x2C, 2), (std::vector<std::uint8_t>{7, 2}));
}

TEST_F(ResourceTableViewTest, LinuxWritesToVringEntriesAreWordAccesses) {
  VdevVringView vring1 = table_.vdev(0x14).vring(1);
  vring1.set_notifyid(1);
  test::expect_single_access(hal_, kTable + 0x44 + rsc::kVringNotifyId, 4, Kind::kWrite);
  vring1.set_da(0);
  test::expect_single_access(hal_, kTable + 0x44, 4, Kind::kWrite);
  table_.vdev(0x14).set_gfeatures(1);
  test::expect_single_access(hal_, kTable + 0x24, 4, Kind::kWrite);
  table_.vdev(0x14).reserved(1);
  test::expect_single_access(hal_, kTable + 0x2F, 1, Kind::kRead);
}

} // namespace
} // namespace sim::sw::shm
