package io.mailsync.archclean.adapter.out.mime;

import jakarta.mail.Folder;

public final class FolderNames {

    private FolderNames() {
    }

    public static String of(Folder folder) {
        return folder.getFullName();
    }
}
