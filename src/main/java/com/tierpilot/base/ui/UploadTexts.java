package com.tierpilot.base.ui;

import com.vaadin.flow.component.upload.UploadI18N;
import java.util.List;
import java.util.function.Function;

/** The texts of Vaadin's Upload component (its buttons, drop hint, errors and progress) in the user's language. */
public final class UploadTexts {

    private UploadTexts() {
    }

    /** {@code translate}: message key to text, usually the view's {@code getTranslation}. */
    public static UploadI18N of(Function<String, String> translate) {
        var i18n = new UploadI18N();
        i18n.setAddFiles(new UploadI18N.AddFiles().setOne(translate.apply("upload.addFiles.one"))
                .setMany(translate.apply("upload.addFiles.many")));
        i18n.setDropFiles(new UploadI18N.DropFiles().setOne(translate.apply("upload.dropFiles.one"))
                .setMany(translate.apply("upload.dropFiles.many")));
        i18n.setError(new UploadI18N.Error().setTooManyFiles(translate.apply("upload.error.tooManyFiles"))
                .setFileIsTooBig(translate.apply("upload.error.fileIsTooBig"))
                .setIncorrectFileType(translate.apply("upload.error.incorrectFileType")));
        i18n.setFile(new UploadI18N.File().setRetry(translate.apply("upload.file.retry"))
                .setStart(translate.apply("upload.file.start")).setRemove(translate.apply("upload.file.remove")));
        i18n.setUploading(new UploadI18N.Uploading()
                .setStatus(new UploadI18N.Uploading.Status().setConnecting(translate.apply("upload.status.connecting"))
                        .setStalled(translate.apply("upload.status.stalled"))
                        .setProcessing(translate.apply("upload.status.processing"))
                        .setHeld(translate.apply("upload.status.held")))
                .setRemainingTime(new UploadI18N.Uploading.RemainingTime()
                        .setPrefix(translate.apply("upload.remaining.prefix"))
                        .setUnknown(translate.apply("upload.remaining.unknown")))
                .setError(new UploadI18N.Uploading.Error()
                        .setServerUnavailable(translate.apply("upload.uploadError.serverUnavailable"))
                        .setUnexpectedServerError(translate.apply("upload.uploadError.unexpected"))
                        .setForbidden(translate.apply("upload.uploadError.forbidden"))
                        .setFileTooLarge(translate.apply("upload.uploadError.fileTooLarge"))));
        i18n.setUnits(List.of("B", "kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"));
        return i18n;
    }
}
