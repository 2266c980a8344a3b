using CommonProsperity.Nlp.Counting;
using CommonProsperity.Nlp.Errors;
using CommonProsperity.Nlp.Ingestion;
using CommonProsperity.Nlp.Output;

namespace CommonProsperity.Nlp.Jobs;

/// <summary>
/// The engine of <c>analyze</c>: files stream through it and their results come back in input order.
/// Each file is read on the calling thread (which also loads <c>sources.csv</c> metadata, in order),
/// then decoded, analysed and its evidence rows formatted on a worker; a file larger than
/// <see cref="WholeFileBytes"/> is decoded on the calling thread and its documents analysed on workers,
/// so that it is never held twice over; a plain-text file larger than <see cref="StreamedFileBytes"/> is
/// never read whole but analysed in windows on a worker (<see cref="WindowedDocumentAnalysis"/>), and a
/// CSV file larger than that is never read whole either: its rows are parsed on the calling thread as it
/// streams in (<see cref="DocumentSource.ExtractStreamed"/>) and analysed on workers. At most a few files per worker, and
/// <see cref="MaxBytesInFlight"/> of input, wait between reading and the in-order hand-back, so memory
/// stays bounded whatever the number of files, and the results do not depend on the parallelism.
/// </summary>
internal sealed class OrderedFileAnalysis(
    DocumentSource source,
    DocumentAnalyzer analyzer,
    DocumentReportBuilder builder,
    int parallelism,
    CancellationToken cancellationToken)
{
    /// <summary>Files up to this size are decoded and analysed whole on a worker thread.</summary>
    public const int WholeFileBytes = 4 << 20;

    /// <summary>The input bytes that may wait between reading and the in-order hand-back.</summary>
    public const long MaxBytesInFlight = 64L << 20;

    /// <summary>Analyses the large plain-text files, which are never read whole; null reads every file whole.</summary>
    public WindowedDocumentAnalysis? Windows { get; init; }

    /// <summary>
    /// Opens the sink's evidence file for a large document's rows when its turn comes while it is still
    /// being analysed (<see cref="EvidenceTurn"/>), so that they are written once (a document left out
    /// after all has them taken back out); null keeps them in a temporary file until the document is done.
    /// </summary>
    public Func<IEvidenceTarget>? OpenEvidence { get; init; }

    /// <summary>Plain-text files larger than this go to <see cref="Windows"/>.</summary>
    public long StreamedFileBytes { get; init; } = WholeFileBytes;

    private readonly TaskScheduler _workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, parallelism).ConcurrentScheduler;
    private readonly Queue<(Task<FileResult> Task, EvidenceTurn? Turn)> _pending = new();
    private long _bytesInFlight;

    /// <summary>Analyses <paramref name="files"/> (each with its index in the full list of the run) and passes each result to <paramref name="take"/>, in order, on the calling thread.</summary>
    public void Run(IEnumerable<(int Index, SourceFile File)> files, Action<FileResult> take)
    {
        try
        {
            foreach (var (index, file) in files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var problems = new ProblemLog();
                if (Windows is { } windows && source.IsLargePlainText(file, StreamedFileBytes))
                {
                    var metadata = source.MetadataOf(file, problems);
                    var turn = OpenEvidence is null ? null : new EvidenceTurn();
                    Enqueue(() => windows.Analyze(index, file, metadata, problems, turn, cancellationToken), WholeFileBytes, turn);
                    Drain(take, all: false);
                    continue;
                }

                if (source.Streams(file))
                {
                    // A large CSV file (or text file, without windows): its rows are parsed here as the file streams in, each analysed on a worker.
                    InputFileRecord? record = null;
                    AnalyzeDocumentsOfLargeFile(index, source.ExtractStreamed(file, problems, r => record = r, cancellationToken), () => record, problems, take);
                    Drain(take, all: false);
                    continue;
                }

                var loaded = source.Load(file, problems);
                if (loaded is null)
                {
                    _pending.Enqueue((Task.FromResult(new FileResult(index, problems.All, [], null, 0)), null));
                }
                else if (loaded.Bytes.Length <= WholeFileBytes)
                {
                    Enqueue(() => AnalyzeWholeFile(index, loaded, problems), loaded.Bytes.Length);
                }
                else
                {
                    InputFileRecord? record = null;
                    AnalyzeDocumentsOfLargeFile(index, source.Extract(loaded, problems, r => record = r, cancellationToken), () => record, problems, take);
                }

                Drain(take, all: false);
            }

            Drain(take, all: true);
        }
        finally
        {
            // Let in-flight work finish before the caller disposes the writers and the output folder; when
            // cancelled, return at once instead (the analyses touch neither, and stop at their next check),
            // so that Ctrl-C does not wait for a large document.
            foreach (var (task, _) in cancellationToken.IsCancellationRequested ? [] : _pending)
            {
                try
                {
                    task.Wait(CancellationToken.None);
                }
                catch (AggregateException)
                {
                    // The first failure is already propagating.
                }
            }
        }
    }

    /// <summary>A file analysed whole on a worker; <paramref name="problems"/> is its own log, already holding what loading it met.</summary>
    private FileResult AnalyzeWholeFile(int index, LoadedFile loaded, ProblemLog problems)
    {
        var reports = new List<DocumentReport>();
        InputFileRecord? input = null;
        foreach (var document in source.Extract(loaded, problems, record => input = record, cancellationToken, pooledText: true))
        {
            try
            {
                if (Build(document, problems) is { } report)
                {
                    reports.Add(report);
                }
            }
            finally
            {
                // The report holds no part of the text: its pooled buffer serves the next document.
                document.ReturnText();
            }
        }

        return new FileResult(index, problems.All, reports, input, loaded.Bytes.Length);
    }

    /// <summary>
    /// Each document of a large file (read on this thread from <paramref name="documents"/>, whose end sets
    /// <paramref name="input"/>) becomes a result of its own, carrying the problems met before it.
    /// </summary>
    private void AnalyzeDocumentsOfLargeFile(int index, IEnumerable<Document> documents, Func<InputFileRecord?> input, ProblemLog problems, Action<FileResult> take)
    {
        foreach (var document in documents)
        {
            var before = problems.TakeAll();
            var bytes = document.IsStreamed ? 0 : document.Content.Length * 2L; // a text in a file takes no memory while it waits
            var turn = OpenEvidence is not null && Windowed(document) ? new EvidenceTurn() : null;
            Enqueue(
                () =>
                {
                    var log = new ProblemLog(before);
                    try
                    {
                        var report = Build(document, log, turn);
                        return new FileResult(index, log.All, report is null ? [] : [report], null, bytes);
                    }
                    finally
                    {
                        document.ReturnText(); // a text written to a temporary file is deleted
                    }
                },
                bytes,
                turn);
            Drain(take, all: false);
        }

        _pending.Enqueue((Task.FromResult(new FileResult(index, problems.TakeAll(), [], input(), 0)), null));
    }

    /// <summary>
    /// Analyses a document and builds its report; a document the report cannot hold (its evidence too large)
    /// is skipped with the reason. A document whose text is larger than <see cref="StreamedFileBytes"/> in
    /// memory (a large HTML page, PDF or CSV row) is analysed in windows over its text, so that its
    /// analysis stays bounded, its rows written from its <paramref name="turn"/> on as a large text file's.
    /// </summary>
    private DocumentReport? Build(Document document, IProblemSink problems, EvidenceTurn? turn = null)
    {
        try
        {
            return Windowed(document)
                ? Windows!.Analyze(document, turn, cancellationToken)
                : builder.Build(analyzer.Analyze(document, cancellationToken));
        }
        catch (InputException e)
        {
            problems.Report(Problem.Skipped(document.Id, e));
            return null;
        }
    }

    /// <summary>
    /// Whether <paramref name="document"/> is analysed in windows: a text another reader made (HTML, PDF, a
    /// CSV row) larger than <see cref="StreamedFileBytes"/> in memory, or one it wrote to a temporary file (a
    /// large PDF's). A plain-text file decoded into a pooled buffer was sent here by its size on disk, at
    /// most that large, and is analysed whole from its buffer.
    /// </summary>
    private bool Windowed(Document document) =>
        Windows is not null && !document.IsPooled && (document.IsStreamed || document.Content.Length * 2L > StreamedFileBytes);

    private void Enqueue(Func<FileResult> work, long bytes, EvidenceTurn? turn = null)
    {
        _pending.Enqueue((Task.Factory.StartNew(work, cancellationToken, TaskCreationOptions.None, _workers), turn));
        _bytesInFlight += bytes;
    }

    private void Drain(Action<FileResult> take, bool all)
    {
        while (_pending.Count > 0 && (all || _pending.Count > parallelism * 4 || _bytesInFlight > MaxBytesInFlight))
        {
            var (next, turn) = _pending.Dequeue();
            if (!next.IsCompleted)
            {
                // Every earlier result is written: a large document still being analysed writes its
                // evidence rows straight into the sink's file from now on.
                if (turn is not null && OpenEvidence is { } open)
                {
                    turn.Reached(open());
                }

                // Block without spinning (on a small machine a spinning writer takes a core from the workers),
                // but wake for Ctrl-C: a large document can take seconds.
                WaitHandle.WaitAny([((IAsyncResult)next).AsyncWaitHandle, cancellationToken.WaitHandle]);
                cancellationToken.ThrowIfCancellationRequested();
            }

            var result = next.GetAwaiter().GetResult();
            _bytesInFlight -= result.Bytes;
            take(result);
        }
    }
}
