using PolicyLint.Tests.Support;

namespace PolicyLint.Tests.Corpus;

/// <summary>A fact over ../shared/corpus/real, skipped with a message when the corpus is not beside the checkout.</summary>
public sealed class CorpusFactAttribute : FactAttribute
{
    public CorpusFactAttribute()
    {
        if (CorpusTests.CorpusRoot is null)
        {
            Skip = CorpusTests.SkipReason;
        }
    }
}

/// <summary>A theory over ../shared/corpus/real, skipped with a message when the corpus is not beside the checkout.</summary>
public sealed class CorpusTheoryAttribute : TheoryAttribute
{
    public CorpusTheoryAttribute()
    {
        if (CorpusTests.CorpusRoot is null)
        {
            Skip = CorpusTests.SkipReason;
        }
    }
}
