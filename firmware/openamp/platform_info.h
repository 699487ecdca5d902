/* SPDX-License-Identifier: Apache-2.0 */
/* The platform interface OpenAMP's example applications (apps/examples/rpmsg_sample_echo) call,
   implemented for the TCC807x main core by platform_info.c. */
#ifndef IPCSIM_FW_PLATFORM_INFO_H
#define IPCSIM_FW_PLATFORM_INFO_H

#include <openamp/remoteproc.h>
#include <openamp/rpmsg.h>
#include <openamp/rpmsg_virtio.h>

int platform_init(int argc, char* argv[], void** platform);
struct rpmsg_device* platform_create_rpmsg_vdev(void* platform, unsigned int vdev_index,
                                                unsigned int role,
                                                void (*rst_cb)(struct virtio_device* vdev),
                                                rpmsg_ns_bind_cb ns_bind_cb);
int platform_poll(void* platform);
void platform_release_rpmsg_vdev(struct rpmsg_device* rpdev, void* platform);
void platform_cleanup(void* platform);

#endif
