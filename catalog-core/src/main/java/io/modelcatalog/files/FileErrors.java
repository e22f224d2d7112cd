package io.modelcatalog.files;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

/**
 * Says what a file error is in words: the JDK's exceptions often carry only the path (an
 * {@code AccessDeniedException}'s message is the bare path), which tells a user nothing about the condition.
 */
public final class FileErrors {

    private FileErrors() {}

    /** {@code <path>: <condition>}, such as {@code /x/y: permission denied}; otherwise the exception's message. */
    public static String describe(IOException e) {
        if (e instanceof FileSystemException f && f.getFile() != null) {
            String condition = f.getReason() != null
                    ? f.getReason()
                    : e instanceof AccessDeniedException
                            ? "permission denied"
                            : e instanceof NoSuchFileException
                                    ? "no such file or folder"
                                    : e instanceof FileAlreadyExistsException
                                            ? "already exists"
                                            : e instanceof NotDirectoryException
                                                    ? "not a folder"
                                                    : e instanceof DirectoryNotEmptyException
                                                            ? "folder not empty"
                                                            : e.getClass().getSimpleName();
            return f.getFile() + (f.getOtherFile() == null ? "" : " -> " + f.getOtherFile()) + ": " + condition;
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
