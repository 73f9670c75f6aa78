/* SPDX-License-Identifier: GPL-3.0-or-later */

/* For the tests that mount file systems of their own (a read-only disk, a
 * full one): they run as root only. The including file defines
 * _GNU_SOURCE first, for unshare (). */

#pragma once

#include <sched.h>
#include <sys/mount.h>
#include <unistd.h>

#include <glib.h>
#include <glib/gstdio.h>

/* Gives the process mounts of its own, so that what a test mounts goes
 * away with the process, even when a failed assertion ends it before its
 * teardown. The gloss processes it starts see the same mounts. */
static inline void
gloss_test_private_mounts (void)
{
  if (geteuid () == 0 && unshare (CLONE_NEWNS) == 0)
    mount (NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL);
}

/* Whether this process may mount a file system (a tmpfs on a folder of
 * its own, tried); the test is skipped, with the reason, when not. */
static inline gboolean
gloss_test_can_mount (void)
{
  g_autofree char *probe = NULL;
  gboolean mounted;

  if (geteuid () != 0)
    {
      g_test_skip ("Needs root, to mount a read-only file system (as root, permission bits "
                   "make nothing read-only)");
      return FALSE;
    }

  probe = g_dir_make_tmp ("gloss-mount-XXXXXX", NULL);
  g_assert_nonnull (probe);
  mounted = mount ("tmpfs", probe, "tmpfs", 0, "size=64k") == 0;
  if (mounted)
    g_assert_cmpint (umount (probe), ==, 0);
  g_rmdir (probe);
  if (!mounted)
    g_test_skip ("Needs to mount a file system, which this system does not allow");

  return mounted;
}
